import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Page } from '../common/http/paged-response.js';
import type { DeviceSeen } from './device.repository.js';
import { DevicesService, type DeviceListParams } from './devices.service.js';

@ApiTags('devices')
@Controller('api/v1/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @ApiOperation({
    summary: 'Devices seen on MQTT: last seen, online or offline (birth / last will), registered or unknown',
  })
  @ApiQuery({ name: 'online', required: false, enum: ['true', 'false'] })
  @ApiQuery({
    name: 'registered',
    required: false,
    enum: ['true', 'false'],
    description: 'false lists unknown devices: seen on MQTT, not in the registry',
  })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(@Query() q: DeviceListParams): Promise<Page<DeviceSeen>> {
    return this.devices.list(q);
  }

  @Get(':deviceId')
  @ApiOperation({ summary: 'One device seen on MQTT' })
  get(@Param('deviceId') deviceId: string): Promise<DeviceSeen> {
    return this.devices.get(deviceId);
  }
}
