import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor, MAX_TIME_MS } from '../common/http/query-params.js';
import {
  DEVICE_REPOSITORY,
  type DeviceRepository,
  type DeviceSeen,
  type DeviceSighting,
} from './device.repository.js';
import { RegistryService } from '../registry/registry.service.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import type { DeviceListQuery } from './devices.dto.js';

/** Sightings read per chunk while filtering on registration. */
const SCAN_CHUNK = 500;

@Injectable()
export class DevicesService {
  constructor(
    @Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository,
    private readonly registry: RegistryService,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: DeviceListQuery): Promise<Page<DeviceSeen>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    let after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    if (q.registered === undefined) {
      const data = await this.withRegistration(await this.devices.list({ limit, after, online: q.online }));
      return {
        data,
        nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].deviceId) : null,
      };
    }
    // registration is the registry's to tell: read sightings in chunks and ask it
    const chunk = Math.max(limit, SCAN_CHUNK);
    const data: DeviceSeen[] = [];
    for (;;) {
      const sightings = await this.devices.list({ limit: chunk, after, online: q.online });
      for (const d of await this.withRegistration(sightings)) {
        if (d.registered !== q.registered) continue;
        data.push(d);
        if (data.length === limit) return { data, nextCursor: encodeCursor(d.deviceId) };
      }
      if (sightings.length < chunk) return { data, nextCursor: null };
      after = sightings[sightings.length - 1].deviceId;
    }
  }

  async get(deviceId: string): Promise<DeviceSeen> {
    const device = await this.devices.get(deviceId);
    if (!device) throw new DomainError(ErrorCode.NotFound, `device ${deviceId} has not been seen`);
    return (await this.withRegistration([device]))[0];
  }

  private async withRegistration(sightings: readonly DeviceSighting[]): Promise<DeviceSeen[]> {
    const registered = await this.registry.existing(
      'devices',
      sightings.map((d) => d.deviceId),
    );
    return sightings.map((d) => ({ ...d, registered: registered.has(d.deviceId) }));
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
