import type { CsvColumnMapping } from '@oms/bank-statements';
import { parseImportArguments } from './import-arguments';

const mapping: CsvColumnMapping = { time: { column: 'time' }, amount: { column: 'amount_fen', unit: 'fen' } };
const readMapping = (path: string): CsvColumnMapping => {
  if (path !== 'map.json') throw new Error(`unexpected mapping ${path}`);
  return mapping;
};

describe('import command arguments', () => {
  it('reads a GBK CSV import with its mapping and the explicit partial flag', () => {
    const request = parseImportArguments(['--format', 'csv', '--bank', 'ICBC', '--account', '6222021001116021', '--mapping', 'map.json', '--encoding', 'gbk', '--partial', 'icbc.csv'], readMapping);
    expect(request.path).toBe('icbc.csv');
    expect(request.options(42)).toEqual(expect.objectContaining({ format: 'csv', bankCode: 'ICBC', accountNumber: '6222021001116021', mapping, encoding: 'gbk', skipBadRows: true, receivedAt: 42 }));
  });

  it('reads a camt.053 import without mapping or account, all-or-nothing by default', () => {
    const request = parseImportArguments(['--format', 'camt053', '--bank', 'CMB', 'stmt.xml'], readMapping);
    expect(request.options(1)).toEqual(expect.objectContaining({ format: 'camt053', bankCode: 'CMB', skipBadRows: false, encoding: 'auto' }));
  });

  it.each([
    [['--format', 'csv', '--bank', 'ICBC', '--mapping', 'map.json', 'a.csv'], '--account is required'],
    [['--format', 'csv', '--bank', 'ICBC', '--account', '1', 'a.csv'], '--mapping <file.json> is required'],
    [['--format', 'pdf', '--bank', 'ICBC', 'a.pdf'], '--format must be csv or camt053'],
    [['--format', 'csv', '--account', '1', '--mapping', 'map.json', 'a.csv'], '--bank is required'],
    [['--format', 'csv', '--bank', 'ICBC', '--encoding', 'latin1', 'a.csv'], '--encoding must be one of'],
    [['--format', 'camt053', '--bank', 'CMB'], 'expected exactly one statement file'],
  ])('refuses %j naming the problem', (argv, message) => {
    expect(() => parseImportArguments(argv, readMapping)).toThrow(message);
  });
});
