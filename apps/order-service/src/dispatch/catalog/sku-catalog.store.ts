import type { Pool, PoolClient } from 'pg';
import { applyCatalogChange, SkuCatalog, type CatalogChange, type CatalogChangeResult } from '@oms/dispatch-domain';
import { withTransaction } from '@oms/postgres';

/**
 * The SKU catalog of fulfilment vectors, versioned: `dispatch_catalog_changes` holds every change
 * in version order and the catalog is their fold (`applyCatalogChange`, pure). Each instance keeps
 * the latest fold and reads only the changes recorded since, so a plan's `catalogVersion` is the
 * row count of changes it was routed by, on every instance.
 */
export class SkuCatalogStore {
  private latest: SkuCatalog = SkuCatalog.EMPTY;

  constructor(private readonly pool: Pool) {}

  /** The newest committed catalog version (catching up with changes other instances recorded). */
  async current(db: Pool | PoolClient = this.pool): Promise<SkuCatalog> {
    const base = this.latest;
    const { rows } = await db.query<{ version: number; change: CatalogChange }>(
      'SELECT version, change FROM dispatch_catalog_changes WHERE version > $1 ORDER BY version',
      [base.version],
    );
    const catalog = rows.reduce((folded, row) => replay(folded, row.version, row.change), base);
    if (db === this.pool && catalog.version > this.latest.version) this.latest = catalog;
    return catalog;
  }

  /**
   * Applies `change` to the newest version and records it, one change at a time (a transaction
   * lock), so versions are dense. A refused change records nothing; a repeated `changeId` is a no-op.
   * `afterChange` runs in the same transaction when a new version was recorded.
   */
  async apply(change: CatalogChange, afterChange?: (client: PoolClient, catalog: SkuCatalog) => Promise<void>): Promise<CatalogChangeResult> {
    return withTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dispatch_catalog_changes'))`);
      const before = await this.current(client);
      const result = applyCatalogChange(before, change);
      if (!result.ok || result.catalog.version === before.version) return result;
      await client.query('INSERT INTO dispatch_catalog_changes (version, change_id, change) VALUES ($1, $2, $3)', [result.catalog.version, change.changeId, JSON.stringify(change)]);
      await afterChange?.(client, result.catalog);
      return result;
    });
  }
}

function replay(catalog: SkuCatalog, version: number, change: CatalogChange): SkuCatalog {
  const result = applyCatalogChange(catalog, change);
  // A recorded change was valid when recorded and the fold is deterministic: anything else is corruption.
  if (!result.ok) throw new Error(`SKU catalog change v${version} (${change.changeId}) no longer applies: ${result.problems.join('; ')}`);
  if (result.catalog.version !== version) throw new Error(`SKU catalog change ${change.changeId} is recorded as v${version} but folds to v${result.catalog.version}`);
  return result.catalog;
}
