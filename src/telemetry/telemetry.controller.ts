import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { DeviceIdParams } from '../devices/devices.dto.js';
import {
  DeviceEventQuery,
  EVENT_CSV_COLUMNS,
  EventPageSchema,
  EventQuery,
  MetricNamesSchema,
  TELEMETRY_CSV_COLUMNS,
  TelemetryPageSchema,
  TelemetryParams,
  TelemetryQuery,
} from './telemetry.dto.js';
import { TelemetryService } from './telemetry.service.js';

type EventPage = Static<typeof EventPageSchema>;

@ApiTags('telemetry')
@Controller('api/v1')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Get('devices/:deviceId/telemetry/:metric')
  @ApiOperation({ summary: 'Telemetry of one metric of one device: raw points, or aggregated into windows' })
  @TypedResponse(TelemetryPageSchema, { errors: [404, 422], csv: { columns: TELEMETRY_CSV_COLUMNS } })
  series(
    @TypedParams(TelemetryParams) p: Static<typeof TelemetryParams>,
    @TypedQuery(TelemetryQuery) q: TelemetryQuery,
  ): Promise<Static<typeof TelemetryPageSchema>> {
    return this.telemetry.telemetry(p.deviceId, p.metric, q);
  }

  @Get('devices/:deviceId/metrics')
  @ApiOperation({ summary: 'Metric names a device has reported' })
  @TypedResponse(MetricNamesSchema, { errors: [404] })
  metricNames(@TypedParams(DeviceIdParams) p: Static<typeof DeviceIdParams>): Promise<string[]> {
    return this.telemetry.metrics(p.deviceId);
  }

  @Get('devices/:deviceId/events')
  @ApiOperation({ summary: 'Events of one device' })
  @TypedResponse(EventPageSchema, { errors: [404], csv: { columns: EVENT_CSV_COLUMNS } })
  deviceEvents(
    @TypedParams(DeviceIdParams) p: Static<typeof DeviceIdParams>,
    @TypedQuery(DeviceEventQuery) q: Static<typeof DeviceEventQuery>,
  ): Promise<EventPage> {
    return this.telemetry.deviceEvents(p.deviceId, q);
  }

  @Get('events')
  @ApiOperation({ summary: 'Events of the fleet, or of one device with deviceId' })
  @TypedResponse(EventPageSchema, { csv: { columns: EVENT_CSV_COLUMNS } })
  fleetEvents(@TypedQuery(EventQuery) q: EventQuery): Promise<EventPage> {
    return this.telemetry.events(q);
  }
}
