import { Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  DevicePlanStatusList,
  MaintenancePlanList,
  MaintenancePlanSchema,
  PlanIdParams,
  PlanListQuery,
  PlanPutAnswer,
  type MaintenancePlanBody,
} from './work-order.dto.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';

@ApiTags('maintenance plans')
@Controller('api/v1/maintenance-plans')
export class MaintenancePlansController {
  constructor(private readonly plans: MaintenancePlansService) {}

  @Get()
  @ApiOperation({ summary: 'Preventive-maintenance plans, by id; one model with modelId' })
  @TypedResponse(MaintenancePlanList)
  list(@TypedQuery(PlanListQuery) q: Static<typeof PlanListQuery>): Promise<MaintenancePlanBody[]> {
    return this.plans.list(q.modelId);
  }

  @Put()
  @ApiOperation({
    summary:
      'Create or replace a plan: every N days or months and/or every N pages or run hours, whichever first; orders open leadDays ahead',
  })
  @TypedResponse(PlanPutAnswer, { errors: [404] })
  put(@TypedBody(MaintenancePlanSchema) body: MaintenancePlanBody): Promise<Static<typeof PlanPutAnswer>> {
    return this.plans.upsert(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One plan' })
  @TypedResponse(MaintenancePlanSchema, { errors: [404] })
  get(@TypedParams(PlanIdParams) p: Static<typeof PlanIdParams>): Promise<MaintenancePlanBody> {
    return this.plans.get(p.id);
  }

  @Get(':id/devices')
  @ApiOperation({
    summary: "Every device of the plan's model: last done (actual completion), usage, next due and why",
  })
  @TypedResponse(DevicePlanStatusList, { errors: [404] })
  devices(
    @TypedParams(PlanIdParams) p: Static<typeof PlanIdParams>,
  ): Promise<Static<typeof DevicePlanStatusList>> {
    return this.plans.devices(p.id, Date.now());
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a plan and every device’s progress on it' })
  @TypedResponse(null, { status: 204, errors: [404] })
  remove(@TypedParams(PlanIdParams) p: Static<typeof PlanIdParams>): Promise<void> {
    return this.plans.remove(p.id);
  }
}
