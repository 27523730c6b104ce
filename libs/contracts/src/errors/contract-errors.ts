/**
 * Base class of every error the contracts library raises, so a consumer can tell "this message
 * breaks the contract" (dead-letter it) from an infrastructure failure (retry it) with one
 * `instanceof`. `name` is the concrete class name, suitable for the `dlq-error-type` header.
 */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** What is wrong with bytes that claim to be an Avro single-object message. */
export type CorruptionReason = 'too-short' | 'bad-magic' | 'truncated' | 'trailing-bytes' | 'undecodable';

/** The bytes are not a well-formed single-object message for the schema their header names. */
export class CorruptMessageError extends ContractError {
  constructor(
    readonly reason: CorruptionReason,
    detail: string,
  ) {
    super(`Corrupt Avro single-object message (${reason}): ${detail}`);
  }
}

/** The header names a schema fingerprint this build does not know (a newer producer, or garbage). */
export class UnknownFingerprintError extends ContractError {
  constructor(readonly fingerprint: string) {
    super(`Unknown schema fingerprint ${fingerprint}: no current or historical schema of this build has it`);
  }
}

/** A record name that no `.avsc` file of this build defines. */
export class UnknownRecordError extends ContractError {
  constructor(readonly recordName: string) {
    super(`Unknown record ${recordName}: no schema under libs/contracts/avro defines it`);
  }
}

/** One reason a value does not match its schema; `path` is like `lines[0].quantity`. */
export interface ValueProblem {
  path: string;
  problem: string;
}

/** A value given to `encode` does not match the record's current schema. */
export class InvalidRecordError extends ContractError {
  constructor(
    readonly recordName: string,
    readonly problems: readonly ValueProblem[],
  ) {
    const listed = problems.map((p) => `${p.path || '(root)'}: ${p.problem}`);
    super(`Invalid ${recordName}:\n  - ${listed.join('\n  - ')}`);
  }
}

/** Data written with one schema cannot be read with the schema asked for. */
export class IncompatibleSchemaError extends ContractError {
  constructor(
    readonly writer: string,
    readonly reader: string,
    detail: string,
  ) {
    super(`Cannot read ${writer} as ${reader}: ${detail}`);
  }
}

/** A `.avsc` file is malformed or uses a construct this library does not support. */
export class SchemaDefinitionError extends ContractError {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Schema ${source} is not acceptable:\n  - ${problems.join('\n  - ')}`);
  }
}
