import type { Type } from 'avsc';
import type { ValueProblem } from '../errors/contract-errors';

interface RecordLike {
  fields: ReadonlyArray<{ name: string }>;
}

interface EnumLike {
  symbols: readonly string[];
}

/**
 * Every way `value` fails to match `type`, with field paths such as `lines[0].quantity`: wrong
 * types, missing required fields, integers beyond ±(2^53 − 1) or with fractions, unknown enum
 * symbols, and undeclared fields (a misspelt optional field would otherwise vanish silently).
 * Messages name the expected type and the JavaScript type received, not the value itself, so
 * personal data (phones, addresses) stays out of logs; only numbers given for int/long fields and
 * unknown enum symbols are shown.
 */
export function findValueProblems(type: Type, value: unknown): ValueProblem[] {
  const problems: ValueProblem[] = [];
  type.isValid(value, {
    noUndeclaredFields: true,
    errorHook: (path: string[], actual: unknown, failing: Type) => {
      problems.push(...describe(formatPath(path), actual, failing));
    },
  });
  return problems;
}

function describe(path: string, actual: unknown, type: Type): ValueProblem[] {
  if (type.typeName === 'record' && isPlainObject(actual)) {
    const declared = new Set((type as unknown as RecordLike).fields.map((field) => field.name));
    return Object.keys(actual)
      .filter((key) => !declared.has(key))
      .map((key) => ({ path: joinPath(path, key), problem: `undeclared field (not in ${type.name})` }));
  }
  return [{ path, problem: `expected ${expected(type)}, got ${received(actual, type)}` }];
}

function expected(type: Type): string {
  switch (type.typeName) {
    case 'long':
      return 'a long (an integer within ±(2^53 − 1))';
    case 'int':
      return 'an int (a 32-bit integer)';
    case 'enum':
      return `one of ${(type as unknown as EnumLike).symbols.join(', ')}`;
    case 'record':
      return `a ${type.name} record`;
    case 'union:unwrapped':
      return `null or ${(type as unknown as { types: Type[] }).types.map(expected).filter((t) => t !== 'null').join(' or ')}`;
    case 'bytes':
      return 'a Buffer';
    case 'array':
      return 'an array';
    default:
      return type.typeName === 'null' ? 'null' : `a ${type.typeName}`;
  }
}

function received(actual: unknown, type: Type): string {
  if (actual === null || actual === undefined) return String(actual);
  // Numbers given for int/long are amounts, quantities or instants, and an enum symbol is no
  // secret: showing them helps. Any other value could be a phone or an address: name its type only.
  if (typeof actual === 'number' && (type.typeName === 'int' || type.typeName === 'long')) {
    return Number.isInteger(actual) ? `an integer out of range (${actual})` : `the number ${actual}`;
  }
  if (typeof actual === 'string' && type.typeName === 'enum') return `"${actual}"`;
  return Array.isArray(actual) ? 'an array' : `a ${typeof actual}`;
}

function formatPath(path: string[]): string {
  return path.reduce((joined, part) => joinPath(joined, part), '');
}

function joinPath(path: string, part: string): string {
  if (/^\d+$/.test(part)) return `${path}[${part}]`; // Avro names never start with a digit
  return path ? `${path}.${part}` : part;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
