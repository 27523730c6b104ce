import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { child, children, type XmlNode } from './xml-node';

/** A readable camt.053 document: its statements, or why the XML cannot be used. */
export type Camt053Document = { ok: true; statements: XmlNode[] } | { ok: false; reason: string; line: number };

const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Bal']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Keep every value as text: "275.10" must not become the float 275.1 on its way to fen.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (tagName) => REPEATED.has(tagName),
});

/**
 * Parses camt.053 XML (ISO 20022 BankToCustomerStatement, any version: namespace prefixes are
 * dropped). The parser alone accepts a truncated file and returns what it saw; validating first
 * makes a cut-off download a file error instead of a silently short statement.
 */
export function readCamt053Document(xml: string): Camt053Document {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `malformed XML: ${valid.err.msg}`, line: valid.err.line };
  const document = child(parser.parse(xml), 'Document');
  const statements = children(document, ['BkToCstmrStmt'], 'Stmt');
  if (child(document, 'BkToCstmrStmt') === undefined) return { ok: false, reason: 'not a camt.053 document: no Document/BkToCstmrStmt', line: 1 };
  return { ok: true, statements };
}

/** The 1-based line of each `<Ntry>` start tag, in document order — the row locations for errors. */
export function entryLines(xml: string): number[] {
  const lines: number[] = [];
  const tag = /<(?:[\w.-]+:)?Ntry[\s>]/g;
  let line = 1;
  let scanned = 0;
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    for (let i = scanned; i < match.index; i++) if (xml.charCodeAt(i) === 10) line++;
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}
