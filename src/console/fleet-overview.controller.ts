import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TypedResponse } from '../common/http/typed-api.js';
import { FleetOverviewSchema, type FleetOverview } from './fleet-overview.dto.js';
import { FleetOverviewService } from './fleet-overview.service.js';

@ApiTags('console')
@Controller('api/v1/fleet/overview')
export class FleetOverviewController {
  constructor(private readonly overview: FleetOverviewService) {}

  @Get()
  @ApiOperation({
    summary:
      'The fleet at a glance: presence, fleet KPIs (last 30 days, the 30 before, weekly trend), ' +
      'active alarms, and sites with coordinates and their devices’ state',
  })
  @TypedResponse(FleetOverviewSchema)
  get(): Promise<FleetOverview> {
    return this.overview.overview();
  }
}
