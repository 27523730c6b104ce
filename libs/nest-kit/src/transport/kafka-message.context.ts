import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumedMessage } from '@oms/messaging';

/**
 * What an `@EventPattern` handler gets through `@Ctx()`: the consumed record and the batch's
 * transaction. Write every effect through `getTransaction()`, so effects, the inbox record and
 * the offset commit move together.
 */
export class KafkaMessageContext<TClient = unknown> extends BaseRpcContext<[ConsumedMessage<unknown>, TClient]> {
  getMessage<TValue = unknown>(): ConsumedMessage<TValue> {
    return this.args[0] as ConsumedMessage<TValue>;
  }

  getTransaction(): TClient {
    return this.args[1];
  }
}
