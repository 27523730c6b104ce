import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  SANDBOX_APIS, SkuCatalog, applyCatalogChange, decidePlanIssue, parseCatalogCsv, planDispatch, toDispatchPlannedRecord,
  type PlanningOrder, type SandboxVerdict,
} from './index';

const CSV = `sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required
SKU-GLASSES,WH-OWN-HZ,24,200,false
SKU-LENS,WH-CLOUD-JX,48,300,false
SKU-SERUM,WH-BONDED-NB,72,1000,true
`;
const T0 = Date.parse('2026-01-20T14:22:03.000+08:00');

describe('@oms/dispatch-domain public face', () => {
  it('runs import → plan → sandbox → issue → Avro record through the public face only', () => {
    const parsed = parseCatalogCsv(CSV);
    if (!parsed.ok) throw new Error('catalog CSV should parse');
    const imported = applyCatalogChange(SkuCatalog.EMPTY, { kind: 'IMPORT', source: 'CSV', entries: parsed.entries, changeId: 'c-1', changedBy: 'ops-1', changedAt: T0, reason: 'initial import' });
    if (!imported.ok) throw new Error('import should apply');
    const order: PlanningOrder = {
      orderId: 'MERGED-1', customerId: 'cust-42', placedAt: T0, paidAt: T0, recipientPhone: '189****1234', invoiceTitle: '李雷',
      shippingAddress: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' },
      lines: [{ lineId: 'l1', sku: 'SKU-SERUM', quantity: 1 }, { lineId: 'l2', sku: 'SKU-GLASSES', quantity: 1 }, { lineId: 'l3', sku: 'SKU-LENS', quantity: 1 }],
    };
    const decision = planDispatch({ orderId: 'MERGED-1', orders: [order], catalog: imported.catalog, planIdSeed: 'oms', decidedAt: T0 + 30_000 });
    if (decision.outcome !== 'PROPOSED') throw new Error('should propose');
    const { plan } = decision;
    const verdict: SandboxVerdict = {
      dispatchPlanId: plan.dispatchPlanId, version: plan.version,
      answers: plan.subOrders.flatMap(({ subOrderId }) => SANDBOX_APIS.map((api) => ({ api, subOrderId, ok: true, reason: null }))),
    };
    const issue = decidePlanIssue({ proposal: plan, verdict, history: [] });
    expect(issue.outcome).toBe('ISSUE');
    const record = toDispatchPlannedRecord(plan, { orderId: 'MERGED-1', occurredAt: T0 + 31_000, occurredAtText: '2026-01-20T14:22:34.000+08:00', sandboxValidated: true });
    expect(record.subOrders.map((s) => [s.warehouseId, s.slaHours, s.customsClearanceRequired])).toEqual([
      ['WH-OWN-HZ', 24, false], ['WH-CLOUD-JX', 48, false], ['WH-BONDED-NB', 72, true],
    ]);
  });
});

/** Library sources: everything under src/ except tests and test helpers. */
function librarySources(dir = __dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return item.name === 'testing' ? [] : librarySources(path);
    return item.name.endsWith('.ts') && !item.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('purity: no I/O, no clock, no randomness in the library', () => {
  const forbidden: [string, RegExp][] = [
    ['I/O packages', /from '(@nestjs\/[^']*|kafkajs|pg|pg-[^']*|typeorm|avsc|express|node:[^']*|fs|path|http|https|net|crypto|child_process)'/],
    ['a clock', /Date\.now\(|new Date\(|performance\.now\(|process\.hrtime/],
    ['randomness', /Math\.random\(|randomUUID|getRandomValues/],
    ['a runtime import of contracts (types only: it would load avsc)', /^import (?!type )[^;]*from '@oms\/contracts'/m],
  ];

  it.each(forbidden)('no library file uses %s', (_what, pattern) => {
    const offenders = librarySources().filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(__dirname, file));
    expect(offenders).toEqual([]);
  });

  it('scans the sources it should (a broken scan would pass vacuously)', () => {
    const files = librarySources().map((file) => relative(__dirname, file));
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'planning/split-plan.decider.ts', 'related/phone-match.ts']));
    expect(files.some((file) => file.includes('testing'))).toBe(false);
  });
});

describe('TSDoc on every export of the public face', () => {
  it('documents each exported symbol', () => {
    const program = ts.createProgram([join(__dirname, 'index.ts')], { resolveJsonModule: true, esModuleInterop: true, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(__dirname, 'index.ts'))!)!;
    const exports = checker.getExportsOfModule(module);
    const undocumented = exports
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(exports.length).toBeGreaterThan(60);
    expect(undocumented).toEqual([]);
  });
});
