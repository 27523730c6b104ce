/**
 * One versioned schema change. `id` sorts in the order migrations apply (`001-events`,
 * `002-outbox`); `component` names the library or service owning it, so several components
 * share one schema's `schema_migrations` table.
 */
export interface Migration {
  component: string;
  id: string;
  sql: string;
}
