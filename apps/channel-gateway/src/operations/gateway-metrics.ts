import { Counter, Histogram, register } from 'prom-client';

function histogram(name: string, help: string, buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string> | undefined) ?? new Histogram({ name, help, buckets });
}

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames });
}

/**
 * The gateway's Prometheus metrics (served at `/metrics`). Created once per process: tests start
 * several apps in one process and prom-client's registry is global.
 */
export const gatewayMetrics = {
  paymentNotifications: counter('gateway_payment_notifications_total', 'Payment notifications by provider and outcome (accepted, duplicate, refused reason, failed)', ['provider', 'outcome']),
  channelOrders: counter('gateway_channel_orders_total', 'Channel order webhooks by channel and outcome', ['channel', 'outcome']),
  confirmations: counter('gateway_payment_confirmations_total', 'Balance confirmations published, by provider and result', ['provider', 'confirmed']),
  refundAttempts: counter('gateway_refund_attempts_total', 'Calls to the providers\' refund APIs, by provider and what came of them (SUCCESS, CLOSED, ABNORMAL, processing, retry)', ['provider', 'outcome']),
  intakeBatchSize: histogram('gateway_intake_batch_size', 'Notifications per durable intake transaction', [1, 2, 5, 10, 20, 50, 100, 200, 500]),
  // Where a notification's answer waits: the whole transaction, and inside it the broker's acknowledgement.
  intakeFlushSeconds: histogram('gateway_intake_flush_seconds', 'Duration of one durable intake transaction (BEGIN to COMMIT, publish included)', [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]),
  intakePublishSeconds: histogram('gateway_intake_publish_seconds', 'Wait for the broker to acknowledge (acks all) one intake batch', [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]),
};
