import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { withTransaction } from '@oms/postgres';
import type { Pool } from 'pg';
import { TransientError } from '@oms/messaging';
import type { Actor, OrderRejection } from '@oms/order-domain';
import { activeTraceparent, now } from '../ingress/command-context';
import type { WebhookDeliveryRepository } from '../notifications/webhook-delivery.repository';
import type { CommandOutcome } from '../orders/command-request';
import type { OrderCommandService } from '../orders/order-command.service';
import type { ChangeAcceptedDto } from './order-change.dto';
import type { ChangeCommand, HttpCommandMeta } from './order-change.commands';

/** Attempts of a change whose append kept meeting concurrent writers. */
const ATTEMPTS = 5;

/**
 * Order changes over HTTP: decide and append in one transaction with the webhook deliveries of
 * the accepted events; a refusal is committed as `CommandRejected` first, then answered (403
 * forbidden, 409 illegal or conflicting, 400 malformed). Concurrent appends are retried.
 */
export class OrderChangeService {
  constructor(
    private readonly pool: Pool,
    private readonly orders: OrderCommandService,
    private readonly webhooks: WebhookDeliveryRepository,
  ) {}

  /** A fresh command id and the service's now, for the order. */
  commandMeta(orderId: string): HttpCommandMeta {
    return { orderId, commandId: randomUUID(), ...now() };
  }

  async change(actor: Actor, { command, enrichment }: ChangeCommand): Promise<ChangeAcceptedDto> {
    const { commandId } = command.data;
    const metadata = { correlationId: commandId, causationId: commandId, actor: `user:${actor.actorId}`, traceparent: activeTraceparent() };
    const outcome = await this.withRetries(() =>
      withTransaction(this.pool, async (client) => {
        const result = await this.orders.execute({ command, enrichment, metadata, source: 'http', unknownOrder: 'report' }, client);
        if (result.kind === 'accepted') await this.webhooks.enqueue(client, result.appended);
        return result;
      }),
    );
    return answer(outcome);
  }

  private async withRetries(work: () => Promise<CommandOutcome>): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof TransientError) || attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
      }
    }
  }
}

function answer(outcome: CommandOutcome): ChangeAcceptedDto {
  if (outcome.kind === 'unknown-order') throw new NotFoundException(`order ${outcome.order.orderId} not found`);
  if (outcome.kind === 'rejected') throw refusal(outcome.rejection);
  const { orderId, state } = outcome.order;
  return { orderId, status: state.status, version: state.version, events: outcome.appended.map(({ eventId, event, streamVersion }) => ({ eventId, type: event.type, streamVersion })) };
}

function refusal(rejection: OrderRejection): Error {
  const body = { statusCode: 0, code: rejection.code, command: rejection.command, state: rejection.state, message: rejection.message };
  switch (rejection.code) {
    case 'FORBIDDEN':
      return new ForbiddenException({ ...body, statusCode: 403 });
    case 'INVALID_COMMAND':
      return new BadRequestException({ ...body, statusCode: 400 });
    default:
      return new ConflictException({ ...body, statusCode: 409 });
  }
}
