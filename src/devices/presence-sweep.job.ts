import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { DEVICE_REPOSITORY, type DeviceRepository } from './device.repository.js';
import type { EventRecord } from '../ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { goesOffline, type PresenceRule } from './presence.js';

const PAGE = 1000;
/** Ingest writes last-seen times about once a second: don't call a device silent over that lag. */
const LAST_SEEN_LAG_MS = 2000;

/**
 * Re-derives presence: a device that stays silent for PRESENCE_OFFLINE_AFTER_INTERVALS
 * of its reporting interval is marked offline, with a `device.offline` event, as its
 * last will would have. This is what tells the truth after a restart, when wills
 * died with the embedded broker. Data brings a device back online (repository touch).
 * Every PRESENCE_SWEEP_INTERVAL_MS, on one replica (the job runner's lease).
 */
@Injectable()
export class PresenceSweepJob implements OnModuleInit {
  static readonly jobName = 'presence-sweep';
  private readonly logger = new Logger(PresenceSweepJob.name);

  constructor(
    @Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobRunner,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: PresenceSweepJob.jobName,
      intervalMs: this.config.presence.sweepIntervalMs,
      run: (now) => this.sweep(now),
    });
  }

  /** Marks the silent devices offline; returns their ids. */
  async sweep(now = Date.now()): Promise<string[]> {
    const rule: PresenceRule = this.config.presence;
    const silent: Array<{ deviceId: string; lastSeen: number; at: number; intervalMs: number }> = [];
    for (let after: string | undefined; ;) {
      const page = await this.devices.list({ online: true, limit: PAGE, after });
      for (const d of page)
        if (goesOffline(d, rule, now - LAST_SEEN_LAG_MS))
          silent.push({
            deviceId: d.deviceId,
            lastSeen: d.lastSeen,
            at: now,
            intervalMs: d.reportingIntervalMs ?? rule.defaultIntervalMs,
          });
      if (page.length < PAGE) break;
      after = page[page.length - 1].deviceId;
    }
    const changed = new Set(await this.devices.markSilent(silent));
    if (!changed.size) return [];
    const events: EventRecord[] = silent
      .filter((s) => changed.has(s.deviceId))
      .map((s) => ({
        deviceId: s.deviceId,
        ts: now,
        type: 'device.offline',
        note: `no message for ${Math.round((now - s.lastSeen) / 1000)} s (${rule.offlineAfterIntervals} × its ${Math.round(s.intervalMs / 1000)} s reporting interval)`,
      }));
    await this.store.write([], events);
    this.logger.log(
      { devices: changed.size, deviceIds: [...changed].slice(0, 10) },
      'silent devices marked offline',
    );
    return [...changed];
  }
}
