import { assertIdentifier } from '@oms/postgres';

/**
 * Schema-qualified table names. Handlers get their transaction from the bus's inbox store, whose
 * connections may belong to another schema's pool (one in-process bus shared by every service of
 * the zero-setup runner), so the service never relies on `search_path` for its own tables.
 */
export class ReconciliationTables {
  readonly facts: string;
  readonly statementFiles: string;
  readonly statementLines: string;
  readonly flows: string;
  readonly bankLines: string;
  readonly inventoryLog: string;
  readonly matches: string;
  readonly reviewItems: string;
  readonly pending: string;
  readonly run: string;
  readonly reviewActions: string;
  readonly reportRuns: string;

  constructor(readonly schema: string) {
    const qualified = (table: string): string => `${assertIdentifier(schema)}.${table}`;
    this.facts = qualified('recon_fact');
    this.statementFiles = qualified('statement_file');
    this.statementLines = qualified('statement_line');
    this.flows = qualified('recon_flow');
    this.bankLines = qualified('recon_bank_line');
    this.inventoryLog = qualified('recon_inventory_log');
    this.matches = qualified('recon_match');
    this.reviewItems = qualified('recon_review_item');
    this.pending = qualified('recon_pending');
    this.run = qualified('recon_run');
    this.reviewActions = qualified('review_action');
    this.reportRuns = qualified('recon_report_run');
  }

  /** The derived tables, emptied by a rebuild. */
  projection(): string[] {
    return [this.flows, this.bankLines, this.inventoryLog, this.matches, this.reviewItems, this.pending, this.run];
  }
}
