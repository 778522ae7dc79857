import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendPage } from '../common/http/paged-response.js';
import { parseFormat } from '../common/http/query-params.js';
import {
  EVENT_CSV_COLUMNS,
  TELEMETRY_CSV_COLUMNS,
  type EventQueryParams,
  type TelemetryQueryParams,
} from './telemetry.dto.js';
import { TelemetryService } from './telemetry.service.js';

const RANGE_QUERIES = [
  {
    name: 'from',
    required: false,
    description: 'Start (inclusive): epoch ms or ISO 8601. Default: 24 h before `to`.',
  },
  { name: 'to', required: false, description: 'End (exclusive): epoch ms or ISO 8601. Default: now.' },
  {
    name: 'limit',
    required: false,
    description: 'Most rows per page (default 1000, at most API_MAX_POINTS).',
  },
  { name: 'cursor', required: false, description: 'nextCursor of the previous page.' },
  { name: 'format', required: false, enum: ['json', 'csv'], description: 'Or send Accept: text/csv.' },
];

function ApiRangeQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const q of RANGE_QUERIES) ApiQuery(q)(target, key, descriptor);
  };
}

@ApiTags('telemetry')
@Controller('api/v1')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Get('devices/:deviceId/telemetry/:metric')
  @ApiOperation({ summary: 'Telemetry of one metric of one device: raw points, or aggregated into windows' })
  @ApiParam({ name: 'deviceId' })
  @ApiParam({ name: 'metric', example: 'fuser.temp_c' })
  @ApiRangeQueries()
  @ApiQuery({ name: 'window', required: false, description: 'Aggregate into windows: 30s, 5m, 1h, 1d.' })
  @ApiQuery({ name: 'fn', required: false, enum: ['mean', 'min', 'max', 'sum', 'count', 'last'] })
  @ApiProduces('application/json', 'text/csv')
  async series(
    @Param('deviceId') deviceId: string,
    @Param('metric') metric: string,
    @Query() q: TelemetryQueryParams,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(
      res,
      parseFormat(q.format, accept),
      await this.telemetry.telemetry(deviceId, metric, q),
      TELEMETRY_CSV_COLUMNS,
    );
  }

  @Get('devices/:deviceId/metrics')
  @ApiOperation({ summary: 'Metric names a device has reported' })
  metricNames(@Param('deviceId') deviceId: string): Promise<string[]> {
    return this.telemetry.metrics(deviceId);
  }

  @Get('devices/:deviceId/events')
  @ApiOperation({ summary: 'Events of one device' })
  @ApiRangeQueries()
  @ApiQuery({ name: 'type', required: false, description: 'Comma-separated event types.' })
  @ApiProduces('application/json', 'text/csv')
  async deviceEvents(
    @Param('deviceId') deviceId: string,
    @Query() q: EventQueryParams,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(
      res,
      parseFormat(q.format, accept),
      await this.telemetry.events({ ...q, deviceId }),
      EVENT_CSV_COLUMNS,
    );
  }

  @Get('events')
  @ApiOperation({ summary: 'Events of the fleet, or of one device with deviceId' })
  @ApiRangeQueries()
  @ApiQuery({ name: 'type', required: false, description: 'Comma-separated event types.' })
  @ApiQuery({ name: 'deviceId', required: false })
  @ApiProduces('application/json', 'text/csv')
  async fleetEvents(
    @Query() q: EventQueryParams,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(res, parseFormat(q.format, accept), await this.telemetry.events(q), EVENT_CSV_COLUMNS);
  }
}
