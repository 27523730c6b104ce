import { Module } from '@nestjs/common';
import type { Clock } from '../app/clock';
import { CLOCK } from '../app/tokens';
import { ProjectionModule } from '../projection/projection.module';
import { StatementLineRepository } from '../statements/statement-line.repository';
import { InputFactRepository } from './input-fact.repository';
import { InputRecorderService } from './input-recorder.service';
import { InputTopicsHandler } from './input-topics.handler';

/** The `@EventPattern` handlers of the four input topics and the recorder they delegate to. */
@Module({
  imports: [ProjectionModule],
  controllers: [InputTopicsHandler],
  providers: [
    {
      provide: InputRecorderService,
      inject: [InputFactRepository, StatementLineRepository, CLOCK],
      useFactory: (facts: InputFactRepository, lines: StatementLineRepository, clock: Clock) => new InputRecorderService(facts, lines, clock),
    },
  ],
})
export class InputsModule {}
