import type { Migration } from '@oms/postgres';

/** What the promotion enrichment redeemed: one row per order and promotion, written once. */
export const enrichmentMigrations: Migration[] = [
  {
    component: 'order-service-enrichment',
    id: '001-promotion-redemptions',
    sql: `
      CREATE TABLE promotion_redemptions (
        order_id       text NOT NULL,
        promotion_id   text NOT NULL,
        discount_amount bigint NOT NULL,
        redemption_ref text NOT NULL,
        redeemed_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (order_id, promotion_id)
      );
    `,
  },
];
