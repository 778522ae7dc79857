import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  CreatedSubscriptionSchema,
  CreateSubscriptionBody,
  DeliveryPage,
  DeliveryQuery,
  SubscriptionIdParams,
  SubscriptionList,
  SubscriptionSchema,
} from './webhook.dto.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookSubscriptionsService) {}

  @Post('subscriptions')
  @ApiOperation({
    summary:
      'Subscribe a URL to events (work-order.created, work-order.*, *): signed POSTs, retried until taken. The secret is shown in this answer only.',
  })
  @TypedResponse(CreatedSubscriptionSchema, { status: 201, errors: [409] })
  create(
    @TypedBody(CreateSubscriptionBody) body: CreateSubscriptionBody,
  ): Promise<Static<typeof CreatedSubscriptionSchema>> {
    return this.webhooks.create(body);
  }

  @Get('subscriptions')
  @ApiOperation({ summary: 'Every subscription (without secrets)' })
  @TypedResponse(SubscriptionList)
  list(): Promise<Static<typeof SubscriptionList>> {
    return this.webhooks.list();
  }

  @Get('subscriptions/:id')
  @ApiOperation({ summary: 'One subscription (without its secret)' })
  @TypedResponse(SubscriptionSchema, { errors: [404] })
  get(
    @TypedParams(SubscriptionIdParams) p: Static<typeof SubscriptionIdParams>,
  ): Promise<Static<typeof SubscriptionSchema>> {
    return this.webhooks.get(p.id);
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe; its undelivered deliveries are dropped' })
  @TypedResponse(null, { status: 204, errors: [404] })
  remove(@TypedParams(SubscriptionIdParams) p: Static<typeof SubscriptionIdParams>): Promise<void> {
    return this.webhooks.remove(p.id);
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'The outbox, newest first: pending (with the next attempt), delivered, dead' })
  @TypedResponse(DeliveryPage)
  deliveries(@TypedQuery(DeliveryQuery) q: DeliveryQuery): Promise<Static<typeof DeliveryPage>> {
    return this.webhooks.deliveries(q);
  }
}
