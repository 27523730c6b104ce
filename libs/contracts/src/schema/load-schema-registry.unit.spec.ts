import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SchemaDefinitionError } from '../errors/contract-errors';
import { recordNames } from '../generated';
import { loadSchemaRegistry } from './load-schema-registry';

const doc = 'Documented.';
const common = { type: 'record', name: 'Address', namespace: 't', doc, fields: [{ name: 'city', type: 'string', doc }] };
const order = { type: 'record', name: 'Order', namespace: 't', doc, fields: [{ name: 'to', type: 'Address', doc }] };

describe('loadSchemaRegistry', () => {
  let avroDir: string;
  const write = (file: string, content: unknown) => {
    mkdirSync(dirname(join(avroDir, file)), { recursive: true });
    writeFileSync(join(avroDir, file), typeof content === 'string' ? content : JSON.stringify(content));
  };

  beforeEach(() => {
    avroDir = mkdtempSync(join(tmpdir(), 'contracts-avro-'));
    mkdirSync(join(avroDir, 'history'));
  });
  afterEach(() => rmSync(avroDir, { recursive: true, force: true }));

  it('loads every record of the repository', () => {
    expect(loadSchemaRegistry().recordNames).toEqual([...recordNames]);
  });

  it('resolves shared types and merges a current schema with its published version', () => {
    write('common/Address.avsc', common);
    write('events/Order.avsc', order);
    const registry = loadSchemaRegistry(avroDir);
    write('history/Order/v1.avsc', registry.current('Order').schema);
    const reloaded = loadSchemaRegistry(avroDir);
    expect(reloaded.current('Order')).toMatchObject({ version: 1, isCurrent: true, source: 'events/Order.avsc = history/Order/v1.avsc' });
    expect(reloaded.entries()).toHaveLength(1);
  });

  it.each([
    ['a file that is not JSON', 'events/Order.avsc', '{ "type": ', /events\/Order.avsc[\s\S]*JSON/],
    ['an undefined type name', 'events/Order.avsc', order, /events\/Order.avsc[\s\S]*undefined type name: t.Address/],
    ['a record in a file of another name', 'events/Invoice.avsc', { ...common }, /record t.Address must live in a file or folder named Address/],
    ['a badly named history file', 'history/Order/1.avsc', order, /history files are named v<N>.avsc/],
  ])('names the file and the problem for %s', (_, file, content, message) => {
    write(file, content);
    expect(() => loadSchemaRegistry(avroDir)).toThrow(SchemaDefinitionError);
    expect(() => loadSchemaRegistry(avroDir)).toThrow(message);
  });
});
