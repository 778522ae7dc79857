import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/http/paged-response.js';
import { CREATE_SUBSCRIPTION_SCHEMA, DELIVERY_SCHEMA, SUBSCRIPTION_SCHEMA } from './webhook.dto.js';
import { DELIVERY_STATUSES } from './webhook.js';
import {
  WebhookSubscriptionsService,
  type PublicDelivery,
  type PublicSubscription,
} from './webhook-subscriptions.service.js';

@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookSubscriptionsService) {}

  @Post('subscriptions')
  @ApiOperation({
    summary:
      'Subscribe a URL to events (work-order.created, work-order.*, *): signed POSTs, retried until taken. The secret is shown in this answer only.',
  })
  @ApiBody({ schema: CREATE_SUBSCRIPTION_SCHEMA as object })
  @ApiOkResponse({ schema: SUBSCRIPTION_SCHEMA as object })
  create(@Body() body: unknown): Promise<PublicSubscription & { secret: string }> {
    return this.webhooks.create(body);
  }

  @Get('subscriptions')
  @ApiOperation({ summary: 'Every subscription (without secrets)' })
  @ApiOkResponse({ schema: { type: 'array', items: SUBSCRIPTION_SCHEMA as object } })
  list(): Promise<PublicSubscription[]> {
    return this.webhooks.list();
  }

  @Get('subscriptions/:id')
  @ApiOkResponse({ schema: SUBSCRIPTION_SCHEMA as object })
  get(@Param('id') id: string): Promise<PublicSubscription> {
    return this.webhooks.get(id);
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe; its undelivered deliveries are dropped' })
  remove(@Param('id') id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'The outbox, newest first: pending (with the next attempt), delivered, dead' })
  @ApiQuery({ name: 'status', required: false, enum: DELIVERY_STATUSES })
  @ApiQuery({ name: 'subscriptionId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { data: { type: 'array', items: DELIVERY_SCHEMA as object }, nextCursor: {} },
    },
  })
  deliveries(
    @Query() q: { status?: string; subscriptionId?: string; limit?: string; cursor?: string },
  ): Promise<Page<PublicDelivery>> {
    return this.webhooks.deliveries(q);
  }
}
