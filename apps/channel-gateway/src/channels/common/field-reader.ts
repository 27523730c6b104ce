const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a channel's JSON payload field by field, collecting every problem with its path (e.g.
 * `line_items[1].quantity: expected an integer ≥ 1`) instead of stopping at the first, so a 400
 * lists all offending fields at once. Readers of nested objects share the problem list.
 */
export class FieldReader {
  constructor(
    private readonly value: unknown,
    private readonly path = '',
    readonly problems: string[] = [],
  ) {}

  private at(name: string): { value: unknown; path: string } {
    const path = this.path ? `${this.path}.${name}` : name;
    return { value: isObject(this.value) ? this.value[name] : undefined, path };
  }

  private problem(path: string, expected: string): void {
    this.problems.push(`${path}: ${expected}`);
  }

  /** True when the field is present with a value other than null, '' or 0 (e.g. an unset pay time). */
  has(name: string): boolean {
    const { value } = this.at(name);
    return value !== undefined && value !== null && value !== '' && value !== 0;
  }

  /** A required non-empty string. */
  string(name: string): string {
    const { value, path } = this.at(name);
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problem(path, 'expected a non-empty string');
    return '';
  }

  /** A string or null/absent (→ null); anything else is a problem. */
  optionalString(name: string): string | null {
    const { value, path } = this.at(name);
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string') return value;
    this.problem(path, 'expected a string');
    return null;
  }

  /** An id the channel sends as a number or a digit string, as a string (64-bit ids lose digits as numbers, so strings are preferred). */
  id(name: string): string {
    const { value, path } = this.at(name);
    if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
    this.problem(path, 'expected an id (digits or letters, or a positive safe integer)');
    return '';
  }

  /** An id, or null/absent (→ null). */
  optionalId(name: string): string | null {
    const { value } = this.at(name);
    return value === undefined || value === null || value === '' ? null : this.id(name);
  }

  /** An integer ≥ `min`. */
  integer(name: string, min = 0): number {
    const { value, path } = this.at(name);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
    this.problem(path, `expected an integer ≥ ${min}`);
    return 0;
  }

  /** Any value, converted by `convert`; null from it records `expected`. */
  convert<T>(name: string, expected: string, convert: (value: unknown) => T | null): T | null {
    const { value, path } = this.at(name);
    const converted = convert(value);
    if (converted === null) this.problem(path, expected);
    return converted;
  }

  /** A nested object (a reader over `{}` with a problem recorded when absent). */
  object(name: string): FieldReader {
    const { value, path } = this.at(name);
    if (!isObject(value)) this.problem(path, 'expected an object');
    return new FieldReader(isObject(value) ? value : {}, path, this.problems);
  }

  /** A nested object or null/absent. */
  optionalObject(name: string): FieldReader | null {
    const { value } = this.at(name);
    if (value === undefined || value === null) return null;
    return this.object(name);
  }

  /** An array of objects, each as a reader; `min` items at least. */
  array(name: string, min = 0): FieldReader[] {
    const { value, path } = this.at(name);
    if (!Array.isArray(value) || value.length < min) {
      if (value !== undefined || min > 0) this.problem(path, `expected an array of at least ${min} item(s)`);
      return [];
    }
    return value.map((item, index) => {
      if (!isObject(item)) this.problem(`${path}[${index}]`, 'expected an object');
      return new FieldReader(isObject(item) ? item : {}, `${path}[${index}]`, this.problems);
    });
  }

  /** Records a problem found by the caller (totals that do not add up, …). */
  report(name: string, message: string): void {
    this.problem(this.path ? `${this.path}.${name}` : name, message);
  }
}
