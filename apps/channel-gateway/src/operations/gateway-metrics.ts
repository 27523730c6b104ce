import { Counter, Histogram, register } from 'prom-client';

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
  intakeBatchSize:
    (register.getSingleMetric('gateway_intake_batch_size') as Histogram<string> | undefined) ??
    new Histogram({ name: 'gateway_intake_batch_size', help: 'Notifications per durable intake transaction', buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500] }),
};
