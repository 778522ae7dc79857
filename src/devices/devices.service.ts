import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor, MAX_TIME_MS } from '../common/http/query-params.js';
import { DEVICE_REPOSITORY, type DeviceRepository, type DeviceSeen } from './device.repository.js';
import { REGISTRY_REPOSITORY, type RegistryRepository } from '../registry/registry.repository.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import type { DeviceListQuery } from './devices.dto.js';

@Injectable()
export class DevicesService {
  constructor(
    @Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository,
    @Inject(REGISTRY_REPOSITORY) private readonly registry: RegistryRepository,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: DeviceListQuery): Promise<Page<DeviceSeen>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const data = await this.devices.list({ limit, after, online: q.online, registered: q.registered });
    return { data, nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].deviceId) : null };
  }

  async get(deviceId: string): Promise<DeviceSeen> {
    const device = await this.devices.get(deviceId);
    if (!device) throw new DomainError(ErrorCode.NotFound, `device ${deviceId} has not been seen`);
    return device;
  }

  /**
   * 404 unless the device is known: seen on MQTT, registered, or with data in the
   * store (a history import of an unregistered device). Asked first by every
   * endpoint under /devices/{id}, so an unknown id is told so instead of `data: []`.
   */
  async assertKnown(deviceId: string): Promise<void> {
    if (await this.devices.get(deviceId)) return;
    if ((await this.registry.existing('devices', [deviceId])).size) return;
    if ((await this.store.listMetrics(deviceId)).length) return;
    const events = await this.store.queryEvents({ deviceId, from: -MAX_TIME_MS, to: MAX_TIME_MS, limit: 1 });
    if (events.length) return;
    throw new DomainError(
      ErrorCode.NotFound,
      `device ${deviceId} is unknown: never seen on MQTT, not registered, no data imported`,
    );
  }
}
