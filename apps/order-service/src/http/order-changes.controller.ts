import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@oms/order-domain';
import { CurrentActor } from './current-actor.decorator';
import { JwtGuard } from './jwt.guard';
import { cancelOrderCommand, changeAddressCommand, changeLinesCommand } from './order-change.commands';
import { CancelOrderDto, ChangeAcceptedDto, ChangeAddressDto, ChangeLinesDto } from './order-change.dto';
import { OrderChangeService } from './order-change.service';

/**
 * Order changes under RBAC: only the order's creator, a customer-service supervisor or a
 * warehouse manager (the domain decides). Each accepted change is an event with the actor and
 * is pushed to the notification webhook.
 */
@ApiTags('order changes')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no bearer token, or it does not verify (HS256, JWT_SECRET)' })
@ApiForbiddenResponse({ description: 'not the creator, a customer-service supervisor or a warehouse manager' })
@ApiConflictResponse({ description: 'illegal in the order state (the message names state and command), or conflicts with the order' })
@ApiBadRequestResponse({ description: 'malformed change (every problem named)' })
@ApiNotFoundResponse({ description: 'no such order' })
@UseGuards(JwtGuard)
@Controller('orders/:id')
export class OrderChangesController {
  constructor(private readonly changes: OrderChangeService) {}

  @Post('address')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the delivery address and phone (until the order is dispatch-planned)' })
  @ApiOkResponse({ type: ChangeAcceptedDto })
  address(@Param('id') id: string, @CurrentActor() actor: Actor, @Body() body: ChangeAddressDto): Promise<ChangeAcceptedDto> {
    return this.changes.change(actor, changeAddressCommand(this.changes.commandMeta(id), actor, body));
  }

  @Post('lines')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the lines and total (only before any payment fact was seen)' })
  @ApiOkResponse({ type: ChangeAcceptedDto })
  lines(@Param('id') id: string, @CurrentActor() actor: Actor, @Body() body: ChangeLinesDto): Promise<ChangeAcceptedDto> {
    return this.changes.change(actor, changeLinesCommand(this.changes.commandMeta(id), actor, body));
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel: closes an unpaid order; once money may have moved, requests a refund instead' })
  @ApiOkResponse({ type: ChangeAcceptedDto })
  cancel(@Param('id') id: string, @CurrentActor() actor: Actor, @Body() body: CancelOrderDto): Promise<ChangeAcceptedDto> {
    return this.changes.change(actor, cancelOrderCommand(this.changes.commandMeta(id), actor, body));
  }
}
