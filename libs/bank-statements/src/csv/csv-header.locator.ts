import { mappedColumns, type CsvColumnMapping } from './csv-column-mapping';

/** The header row found and the position of each header name. */
export interface LocatedHeader {
  /** Index of the header record among the parsed records. */
  recordIndex: number;
  /** Header name → column position. */
  columns: ReadonlyMap<string, number>;
  /** Number of fields of the header record, trailing blank names excluded. */
  width: number;
}

/** How far down a preamble (账号, 户名, 起止日期…) may push the header. */
const MAX_PREAMBLE_RECORDS = 30;

function columnsOf(record: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  record.forEach((name, index) => {
    if (!columns.has(name.trim())) columns.set(name.trim(), index);
  });
  return columns;
}

/** Field count without trailing blanks: "交易时间,金额," has two columns. */
export function widthOf(record: readonly string[]): number {
  let width = record.length;
  while (width > 0 && record[width - 1].trim() === '') width--;
  return width;
}

/**
 * Finds the header: the record at `headerRecordIndex` when given, else the first record holding
 * every mapped column name — Chinese bank exports put account details above the table. Returns
 * the names still missing when no record qualifies.
 */
export function locateHeader(records: readonly (readonly string[])[], mapping: CsvColumnMapping, headerRecordIndex?: number): LocatedHeader | { missing: string[] } {
  const wanted = mappedColumns(mapping);
  const candidates = headerRecordIndex === undefined ? records.slice(0, MAX_PREAMBLE_RECORDS).map((_, index) => index) : [headerRecordIndex];
  let fewestMissing = wanted;
  for (const recordIndex of candidates) {
    const columns = columnsOf(records[recordIndex] ?? []);
    const missing = wanted.filter((name) => !columns.has(name));
    if (missing.length === 0) return { recordIndex, columns, width: widthOf(records[recordIndex]) };
    if (missing.length < fewestMissing.length) fewestMissing = missing;
  }
  return { missing: fewestMissing };
}
