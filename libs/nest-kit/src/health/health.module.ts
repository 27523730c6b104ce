import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_PROBES } from './health-probe';

/**
 * Serves `/health`. The app provides its probes:
 *
 * @example
 * HealthModule.forRoot({ provide: HEALTH_PROBES, inject: [Pool], useFactory: (pool) => [postgresProbe(pool)] })
 */
@Module({})
export class HealthModule {
  static forRoot(probes: Provider & { provide: typeof HEALTH_PROBES }, imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [probes],
    };
  }
}
