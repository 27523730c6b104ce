import type { Pool } from 'pg';
import { loadConfig } from '@oms/config';
import { createPool } from '@oms/postgres';
import { reconciliationServiceEnv, type ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { migrateReconciliationService } from '../database/all-migrations';
import { ReconciliationTables } from '../database/tables';
import { InputFactRepository } from '../inputs/input-fact.repository';
import { ProjectionRepository } from '../projection/projection.repository';
import { ReconciliationProjector, type MatchingSettings } from '../projection/reconciliation.projector';
import { StatementLineRepository } from '../statements/statement-line.repository';

/** The variables the commands read: the service's own, validated the same way. */
const commandEnv = {
  DATABASE_URL: reconciliationServiceEnv.DATABASE_URL,
  DATABASE_SCHEMA: reconciliationServiceEnv.DATABASE_SCHEMA,
  MAX_TIME_GAP_MS: reconciliationServiceEnv.MAX_TIME_GAP_MS,
  SETTLEMENT_WINDOW_MS: reconciliationServiceEnv.SETTLEMENT_WINDOW_MS,
  REPORT_DIR: reconciliationServiceEnv.REPORT_DIR,
};

/** What a command needs: the validated settings, a pool in the service's schema (migrated), its tables. */
export interface CommandContext {
  config: Pick<ReconciliationServiceConfig, keyof typeof commandEnv>;
  pool: Pool;
  tables: ReconciliationTables;
}

/** Opens the context, runs `work`, closes the pool; prints the error and sets exit code 1 on failure. */
export async function runCommand(name: string, work: (context: CommandContext) => Promise<number>): Promise<void> {
  let pool: Pool | undefined;
  try {
    const config = loadConfig(commandEnv);
    pool = createPool({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2, applicationName: `reconciliation-${name}` });
    await migrateReconciliationService(pool, config.DATABASE_SCHEMA);
    process.exitCode = await work({ config, pool, tables: new ReconciliationTables(config.DATABASE_SCHEMA) });
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await pool?.end();
  }
}

/** The service's matching tolerances from the command's configuration. */
export function matchingSettingsOf(config: CommandContext['config']): MatchingSettings {
  return { maxTimeGapMs: config.MAX_TIME_GAP_MS, settlementWindowMs: config.SETTLEMENT_WINDOW_MS };
}

/** The service's projector over the command's pool and tables. */
export function projectorOf({ config, pool, tables }: CommandContext): ReconciliationProjector {
  return new ReconciliationProjector(pool, tables, new InputFactRepository(tables), new StatementLineRepository(tables), new ProjectionRepository(tables), matchingSettingsOf(config));
}
