/**
 * How one environment variable is read. `parse` throws an Error whose message says what is wrong
 * with the value; `default` applies when the variable is unset or empty (omit it to make the
 * variable required).
 */
export interface EnvVarSpec<T> {
  parse: (raw: string) => T;
  default?: T;
  /** One line for `--help` style listings and the README. */
  description: string;
  /** Secrets are never echoed back in error messages. */
  secret?: boolean;
}

/** A whole configuration: variable name → how to read it. */
export type EnvSpec = Record<string, EnvVarSpec<unknown>>;

/** The typed configuration an {@link EnvSpec} produces. */
export type ConfigOf<S extends EnvSpec> = { [K in keyof S]: S[K] extends EnvVarSpec<infer T> ? T : never };

/** Parsers for the usual value shapes. */
export const parsers = {
  string: (raw: string): string => raw,
  integer: (raw: string): number => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected an integer, got "${raw}"`);
    return Number(raw);
  },
  positiveInteger: (raw: string): number => {
    const value = parsers.integer(raw);
    if (value <= 0) throw new Error(`expected a positive integer, got "${raw}"`);
    return value;
  },
  nonNegativeInteger: (raw: string): number => {
    const value = parsers.integer(raw);
    if (value < 0) throw new Error(`expected an integer ≥ 0, got "${raw}"`);
    return value;
  },
  /** A PostgreSQL schema (or other) name safe to splice into SQL: lower case, at most 63 characters. */
  sqlIdentifier: (raw: string): string => {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new Error(`expected a lower-case SQL identifier, got "${raw}"`);
    return raw;
  },
  boolean: (raw: string): boolean => {
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    throw new Error(`expected true or false, got "${raw}"`);
  },
  list: (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter(Boolean),
  url: (raw: string): string => {
    new URL(raw); // throws "Invalid URL" with the input
    return raw;
  },
};
