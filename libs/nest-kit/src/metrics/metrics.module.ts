import { Module } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { MetricsController } from './metrics.controller';

// Once per process: default metrics (event loop lag, heap, GC) on the global registry.
if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();

/** Serves `/metrics`. Services register their counters on prom-client's global registry. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
