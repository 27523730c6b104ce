/**
 * RFC 4180 CSV: fields with a comma, a double quote, CR or LF are quoted, quotes are doubled,
 * records end with CRLF (including the last).
 */

const NEEDS_QUOTES = /[",\r\n]/;
// Spreadsheet formula triggers. Bank remarks and provider bodies are outside text: a cell starting
// with "=" would run as a formula when finance opens the report in Excel (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text from outside (remarks, raw responses, logs) made safe for spreadsheets: a leading
 * formula character gets a `'` prefix. Not applied to numbers, so `-1` stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Records to CSV text. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
