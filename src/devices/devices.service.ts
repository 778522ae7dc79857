import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { decodeCursor, encodeCursor, parseBoolean, parseLimit } from '../common/http/query-params.js';
import { DEVICE_REPOSITORY, type DeviceRepository, type DeviceSeen } from './device.repository.js';

export interface DeviceListParams {
  online?: string;
  registered?: string;
  limit?: string;
  cursor?: string;
}

@Injectable()
export class DevicesService {
  constructor(
    @Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: DeviceListParams): Promise<Page<DeviceSeen>> {
    const limit = parseLimit(q.limit, 100, this.config.apiMaxPoints);
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const data = await this.devices.list({
      limit,
      after,
      online: parseBoolean('online', q.online),
      registered: parseBoolean('registered', q.registered),
    });
    return { data, nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].deviceId) : null };
  }

  async get(deviceId: string): Promise<DeviceSeen> {
    const device = await this.devices.get(deviceId);
    if (!device) throw new DomainError(ErrorCode.NotFound, `device ${deviceId} has not been seen`);
    return device;
  }
}
