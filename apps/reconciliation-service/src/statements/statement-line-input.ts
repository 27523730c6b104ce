import type { StatementLineInput } from '@oms/bank-statements';

/** A stored bank line (`statement_line`) with its id and arrival order. */
export interface StoredStatementLine {
  lineId: string;
  seq: number;
  input: StatementLineInput;
}
