import { T0, catalogOf, entry } from '../testing/dispatch-fixtures';
import { applyCatalogChange, type CatalogChange } from './catalog-change';
import { SkuCatalog } from './sku-catalog';

const meta = (changeId: string) => ({ changeId, changedBy: 'ops-1', changedAt: T0, reason: 'test' });

function applied(catalog: SkuCatalog, change: CatalogChange): SkuCatalog {
  const result = applyCatalogChange(catalog, change);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.catalog;
}

describe('SKU catalog versions', () => {
  const v1 = catalogOf([entry('A', 'WH-1', 24, 100), entry('B', 'WH-2', 48, 200)]);

  it('an import makes version 1 and records what it added', () => {
    expect(SkuCatalog.EMPTY.version).toBe(0);
    expect(v1.version).toBe(1);
    expect(v1.size).toBe(2);
    expect(v1.history).toEqual([{ ...meta('import-1'), reason: 'test import', kind: 'IMPORT', version: 1, added: ['A', 'B'], updated: [], removed: [] }]);
  });

  it('every change makes a new immutable version; the old one still reads its vectors', () => {
    const v2 = applied(v1, { kind: 'UPSERT', ...meta('c-2'), entries: [entry('A', 'WH-9', 12, 100), entry('C', 'WH-3', 24, 0)] });
    const v3 = applied(v2, { kind: 'REMOVE', ...meta('c-3'), skus: ['B'] });
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v1.entry('A')?.warehouseId).toBe('WH-1');
    expect(v2.entry('A')?.warehouseId).toBe('WH-9');
    expect(v3.has('B')).toBe(false);
    expect(v3.history.map(({ version, kind, added, updated, removed }) => ({ version, kind, added, updated, removed }))).toEqual([
      { version: 1, kind: 'IMPORT', added: ['A', 'B'], updated: [], removed: [] },
      { version: 2, kind: 'UPSERT', added: ['C'], updated: ['A'], removed: [] },
      { version: 3, kind: 'REMOVE', added: [], updated: [], removed: ['B'] },
    ]);
    expect(Object.isFrozen(v3)).toBe(true);
    expect(Object.isFrozen(v3.entry('A'))).toBe(true);
  });

  it('a re-import replaces the catalog: SKUs it lacks are removed, unchanged ones are not "updated"', () => {
    const v2 = applied(v1, { kind: 'IMPORT', source: 'CSV', ...meta('c-2'), entries: [entry('A', 'WH-1', 24, 100), entry('C', 'WH-3', 24, 0)] });
    expect(v2.entries().map((e) => e.sku)).toEqual(['A', 'C']);
    expect(v2.history[1]).toMatchObject({ added: ['C'], updated: [], removed: ['B'] });
  });

  it('re-applying a change id is a no-op (at-least-once delivery)', () => {
    const change: CatalogChange = { kind: 'UPSERT', ...meta('c-2'), entries: [entry('C', 'WH-3', 24, 0)] };
    const v2 = applied(v1, change);
    expect(applied(v2, change)).toBe(v2);
  });

  it('refuses malformed changes, naming each problem, and leaves the catalog as it was', () => {
    const result = applyCatalogChange(v1, {
      kind: 'UPSERT', ...meta(''), changedAt: 1.5,
      entries: [entry('D', '', 0, -1), { ...entry('E', 'W', 1, 1), customsClearanceRequired: 'yes' as unknown as boolean }, entry('E', 'W', 1, 1)],
    });
    expect(result).toEqual({ ok: false, problems: [
      'changeId is required',
      'changedAt must be epoch milliseconds, got 1.5',
      'entries[0] (D): warehouseId must be a non-empty text, got ""',
      'entries[0] (D): slaHours must be a positive integer of hours, got 0',
      'entries[0] (D): minPackageWeight must be a non-negative integer of grams, got -1',
      'entries[1] (E): customsClearanceRequired must be true or false, got "yes"',
      'entries[2]: sku E is repeated in the change',
    ] });
    expect(applyCatalogChange(v1, { kind: 'REMOVE', ...meta('c-9'), skus: ['Z'] })).toEqual({ ok: false, problems: ['cannot remove Z: the catalog does not list it'] });
    expect(v1.version).toBe(1);
  });
});
