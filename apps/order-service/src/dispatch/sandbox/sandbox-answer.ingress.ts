import type { PoolClient } from 'pg';
import { commandContextOf } from '../../ingress/command-context';
import { expectRecord, type IngressMessage } from '../../ingress/ingress-record';
import type { SandboxAnswerService } from './sandbox-answer.service';

/**
 * `SandboxValidationResult` records of `oms.fulfillment.events.v1`. The topic's one consumer
 * (`FulfilmentHandler`) hands them here: one `@EventPattern` per topic is all the transport runs.
 */
export class SandboxAnswerIngress {
  constructor(private readonly answers: SandboxAnswerService) {}

  /** True for the records this ingress takes. */
  static accepts(message: IngressMessage): boolean {
    return message.value.recordName === 'SandboxValidationResult';
  }

  async accept(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value } = expectRecord(message, 'SandboxValidationResult');
    await this.answers.record(value, commandContextOf(message, 'fulfillment'), message.topic, client);
  }
}
