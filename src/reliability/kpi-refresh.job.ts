import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { KpiLedgerService } from './kpi-ledger.service.js';

/** Brings the KPI ledger up to date every KPI_REFRESH_INTERVAL_MS (skipping a beat while a run is on). */
@Injectable()
export class KpiRefreshJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(KpiRefreshJob.name);
  private busy = false;

  constructor(
    private readonly ledger: KpiLedgerService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.kpi.refreshIntervalMs;
    if (every <= 0) return;
    const timer = setInterval(() => void this.tick(), every);
    timer.unref();
    this.scheduler.addInterval('kpi-refresh', timer);
  }

  /** One scheduled run; never throws. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.ledger.refresh();
    } catch (err) {
      this.logger.error({ err }, 'KPI ledger run failed; it is retried at the next interval');
    } finally {
      this.busy = false;
    }
  }
}
