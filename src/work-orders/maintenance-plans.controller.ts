import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { MaintenancePlan } from './maintenance-plan.js';
import { MaintenancePlansService, PLAN_SCHEMA, type DevicePlanStatus } from './maintenance-plans.service.js';

@ApiTags('maintenance plans')
@Controller('api/v1/maintenance-plans')
export class MaintenancePlansController {
  constructor(private readonly plans: MaintenancePlansService) {}

  @Get()
  @ApiOperation({ summary: 'Preventive-maintenance plans, by id; one model with modelId' })
  @ApiQuery({ name: 'modelId', required: false })
  list(@Query('modelId') modelId?: string): Promise<MaintenancePlan[]> {
    return this.plans.list(modelId);
  }

  @Put()
  @ApiOperation({
    summary:
      'Create or replace a plan: every N days or months and/or every N pages or run hours, whichever first; orders open leadDays ahead',
  })
  @ApiBody({ schema: PLAN_SCHEMA as object })
  put(@Body() body: unknown): Promise<{ created: boolean; plan: MaintenancePlan }> {
    return this.plans.upsert(body);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<MaintenancePlan> {
    return this.plans.get(id);
  }

  @Get(':id/devices')
  @ApiOperation({
    summary: "Every device of the plan's model: last done (actual completion), usage, next due and why",
  })
  devices(@Param('id') id: string): Promise<DevicePlanStatus[]> {
    return this.plans.devices(id, Date.now());
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): Promise<void> {
    return this.plans.remove(id);
  }
}
