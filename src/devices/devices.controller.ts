import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  DEVICE_CSV_COLUMNS,
  DeviceIdParams,
  DeviceListQuery,
  DeviceSeenPage,
  DeviceSeenSchema,
} from './devices.dto.js';
import { DevicesService } from './devices.service.js';

@ApiTags('devices')
@Controller('api/v1/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @ApiOperation({
    summary: 'Devices seen on MQTT: last seen, online or offline, registered or unknown',
  })
  @TypedResponse(DeviceSeenPage, { csv: { columns: DEVICE_CSV_COLUMNS } })
  list(@TypedQuery(DeviceListQuery) q: DeviceListQuery): Promise<Static<typeof DeviceSeenPage>> {
    return this.devices.list(q);
  }

  @Get(':deviceId')
  @ApiOperation({ summary: 'One device seen on MQTT' })
  @TypedResponse(DeviceSeenSchema, { errors: [404] })
  get(
    @TypedParams(DeviceIdParams) p: Static<typeof DeviceIdParams>,
  ): Promise<Static<typeof DeviceSeenSchema>> {
    return this.devices.get(p.deviceId);
  }
}
