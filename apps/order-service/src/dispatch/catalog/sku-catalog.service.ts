import { randomUUID } from 'node:crypto';
import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { parseCatalogCsv, parseCatalogJson, type CatalogChange, type CatalogChangeRecord, type CatalogParseResult, type SkuCatalog, type SkuCatalogEntry } from '@oms/dispatch-domain';
import type { Actor } from '@oms/order-domain';
import type { SkuCatalogStore } from './sku-catalog.store';

/** Who may change the catalog: the people who own warehouse routing. */
const CATALOG_EDITORS = ['warehouse_manager'];

/** What a catalog change answers. */
export interface CatalogChangeView {
  version: number;
  change: CatalogChangeRecord | null;
  /** SKUs imported with blank dimensions (planning an order holding them raises a review item). */
  incomplete: Array<{ row: number; sku: string; missingFields: readonly string[] }>;
}

/** The catalog as `GET /sku-catalog` shows it. */
export interface CatalogView {
  version: number;
  skuCount: number;
  history: readonly CatalogChangeRecord[];
}

/** What the import endpoint accepts. */
export interface CatalogImportRequest {
  format: 'csv' | 'json';
  content: string;
  reason?: string;
  changeId?: string;
}

/** What the change endpoint accepts. */
export type CatalogEditRequest =
  | { kind: 'UPSERT'; entries: SkuCatalogEntry[]; reason?: string; changeId?: string }
  | { kind: 'REMOVE'; skus: string[]; reason?: string; changeId?: string };

/**
 * SKU catalog changes from the HTTP API and the start-up import: parse (the domain's CSV/JSON
 * parsers), apply as a versioned change, and put orders blocked on a missing vector back in the
 * decision queue — the change may be what they were waiting for.
 */
export class SkuCatalogService {
  constructor(
    private readonly store: SkuCatalogStore,
    private readonly requeueBlocked: (client: PoolClient) => Promise<number>,
    private readonly logger: Logger,
  ) {}

  async view(): Promise<CatalogView> {
    const catalog = await this.store.current();
    return { version: catalog.version, skuCount: catalog.size, history: catalog.history };
  }

  async entry(sku: string): Promise<SkuCatalogEntry & { catalogVersion: number }> {
    const catalog = await this.store.current();
    const entry = catalog.entry(sku);
    if (!entry) throw new NotFoundException(`SKU ${sku} is not in SKU catalog version ${catalog.version}`);
    return { ...entry, catalogVersion: catalog.version };
  }

  /** A whole-catalog import (CSV or JSON text); a malformed row refuses all of it (400 listing every row). */
  async importCatalog(actor: Actor, request: CatalogImportRequest): Promise<CatalogChangeView> {
    assertEditor(actor);
    const parsed = parseImport(request);
    if (!parsed.ok) throw new BadRequestException({ message: 'the import was refused: nothing changed', errors: parsed.errors });
    const change: CatalogChange = { kind: 'IMPORT', source: request.format.toUpperCase(), entries: parsed.entries, ...this.meta(actor.actorId, request) };
    return { ...(await this.apply(change)), incomplete: parsed.incomplete };
  }

  /** Adds, replaces or removes SKUs. */
  async edit(actor: Actor, request: CatalogEditRequest): Promise<CatalogChangeView> {
    assertEditor(actor);
    const meta = this.meta(actor.actorId, request);
    if (request.kind === 'UPSERT' && Array.isArray(request.entries)) return this.apply({ kind: 'UPSERT', entries: request.entries.map(entryOf), ...meta });
    if (request.kind === 'REMOVE' && Array.isArray(request.skus)) return this.apply({ kind: 'REMOVE', skus: request.skus, ...meta });
    throw new BadRequestException('expected { kind: "UPSERT", entries: [...] } or { kind: "REMOVE", skus: [...] }');
  }

  /** The start-up import of `DISPATCH_CATALOG_FILE`, only into an empty catalog (a restart must not undo API changes). */
  async importAtStart(fileName: string, text: string): Promise<void> {
    if ((await this.store.current()).version > 0) return;
    const format = fileName.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    const parsed = parseImport({ format, content: text });
    if (!parsed.ok) throw new Error(`DISPATCH_CATALOG_FILE ${fileName} was refused: ${parsed.errors.map((error) => `row ${error.row}: ${error.message}`).join('; ')}`);
    const change: CatalogChange = { kind: 'IMPORT', source: fileName, entries: parsed.entries, changeId: `startup:${fileName}`, changedBy: 'system:startup', changedAt: Date.now(), reason: 'DISPATCH_CATALOG_FILE' };
    const view = await this.apply(change);
    this.logger.info({ version: view.version, skus: parsed.entries.length, incomplete: parsed.incomplete.length }, 'SKU catalog imported at start');
  }

  private async apply(change: CatalogChange): Promise<CatalogChangeView> {
    let requeued = 0;
    const result = await this.store.apply(change, async (client) => void (requeued = await this.requeueBlocked(client)));
    if (!result.ok) throw new BadRequestException({ message: 'the change was refused: nothing changed', problems: result.problems });
    const catalog: SkuCatalog = result.catalog;
    const record = catalog.history.find((entry) => entry.changeId === change.changeId) ?? null;
    this.logger.info({ version: catalog.version, changeId: change.changeId, kind: change.kind, requeued }, 'SKU catalog changed');
    return { version: catalog.version, change: record, incomplete: [] };
  }

  private meta(changedBy: string, request: { reason?: string; changeId?: string }) {
    return { changeId: request.changeId ?? randomUUID(), changedBy, changedAt: Date.now(), reason: request.reason ?? '' };
  }
}

function assertEditor(actor: Actor): void {
  if (!CATALOG_EDITORS.includes(actor.role)) throw new ForbiddenException(`role ${actor.role} may not change the SKU catalog; allowed: ${CATALOG_EDITORS.join(', ')}`);
}

function parseImport(request: CatalogImportRequest): CatalogParseResult {
  if (typeof request.content !== 'string') throw new BadRequestException('content must be the CSV or JSON text of the catalog');
  if (request.format === 'csv') return parseCatalogCsv(request.content);
  if (request.format === 'json') return parseCatalogJson(request.content);
  throw new BadRequestException(`format must be csv or json, got ${JSON.stringify(request.format)}`);
}

/** Only the four dimensions (missing = null), whatever else the body carried. */
function entryOf(entry: SkuCatalogEntry): SkuCatalogEntry {
  return {
    sku: entry.sku,
    warehouseId: entry.warehouseId ?? null,
    slaHours: entry.slaHours ?? null,
    minPackageWeight: entry.minPackageWeight ?? null,
    customsClearanceRequired: entry.customsClearanceRequired ?? null,
  };
}
