import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { TypedBody, TypedParams, TypedResponse } from '../common/http/typed-api.js';
import {
  AcceptBody,
  DayPlanSchema,
  DecisionSchema,
  DispatchNowBody,
  OrderIdParams,
  PlanParams,
} from './dispatch.dto.js';
import { DispatchService } from './dispatch.service.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';

@ApiTags('dispatch')
@Controller('api/v1/dispatch')
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @Get('orders/:id')
  @ApiOperation({
    summary:
      'The last dispatch decision about an order: proposals with explained scores, or why nobody can take it',
  })
  @TypedResponse(DecisionSchema, { errors: [404] })
  decision(@TypedParams(OrderIdParams) p: OrderIdParams): Promise<Static<typeof DecisionSchema>> {
    return this.dispatch.decision(p.id);
  }

  @Post('orders/:id')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Dispatch a waiting order now: assign it to the best technician, or propose the top three (assign: false)',
  })
  @TypedResponse(DecisionSchema, { errors: [404, 409] })
  async dispatchNow(
    @TypedParams(OrderIdParams) p: OrderIdParams,
    @TypedBody(DispatchNowBody) body: DispatchNowBody,
  ): Promise<Static<typeof DecisionSchema>> {
    const d = await this.dispatch.dispatch(p.id, Date.now(), body.assign);
    if (!d) throw new DomainError(ErrorCode.Conflict, `work order ${p.id} is not waiting for dispatch`);
    return d;
  }

  @Post('orders/:id/accept')
  @RequireRole('operator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A dispatcher gives a waiting order to this technician (a proposal, or anyone who passes the hard rules); 409 with the reasons when they cannot take it',
  })
  @TypedResponse(DecisionSchema, { errors: [404, 409] })
  accept(
    @TypedParams(OrderIdParams) p: OrderIdParams,
    @TypedBody(AcceptBody) body: AcceptBody,
  ): Promise<Static<typeof DecisionSchema>> {
    return this.dispatch.accept(p.id, body.technicianId, body.actor, Date.now());
  }

  @Get('technicians/:id/days/:day')
  @ApiOperation({
    summary: "A technician's day plan: the route through each visit with its times, travel and lateness",
  })
  @TypedResponse(DayPlanSchema, { errors: [404] })
  plan(@TypedParams(PlanParams) p: PlanParams): Promise<Static<typeof DayPlanSchema>> {
    return this.dispatch.plan(p.id, p.day);
  }
}
