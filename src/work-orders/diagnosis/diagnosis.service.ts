import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EventRecord } from '../../ports/records.js';
import { TELEMETRY_STORE, type EventCursor, type TelemetryStore } from '../../ports/telemetry-store.port.js';
import type { EquipmentModel } from '../../registry/registry-entities.js';
import { diagnose, type Diagnosis } from './diagnosis.js';
import {
  DEFAULT_LEARNING,
  EMPTY_KNOWLEDGE,
  learnFromHistory,
  type DiagnosisKnowledge,
  type Observation,
} from './diagnosis-knowledge.js';
import {
  DIAGNOSIS_KNOWLEDGE_REPOSITORY,
  type DiagnosisKnowledgeRepository,
} from './diagnosis-knowledge.repository.js';
import { faultSymptoms, type FaultTableEntry, type Symptom } from './symptoms.js';
import {
  ANOMALY_LOOKBACK_DAYS,
  anomalyObservations,
  detectAnomalies,
  type DailyMean,
} from './telemetry-anomalies.js';

const DAY = 86_400_000;
const PAGE = 10_000;
/** How long a replica reuses the knowledge it loaded before asking the database again. */
const KNOWLEDGE_TTL_MS = 60_000;
/** History the learning job reads. */
const LEARN_DAYS = 365;

export interface DiagnosisRequest {
  deviceId: string;
  model: EquipmentModel | null;
  faultTable: readonly FaultTableEntry[];
  /** What the trigger and the order's evidence say besides the device's history: words, predictions, faults. */
  extra: readonly Symptom[];
  at: number;
}

/**
 * Diagnoses devices from what the platform holds: the device's recent fault codes
 * (from the store), its gauges' drift since its last part replacement, and what the
 * trigger brought (the customer's words, a prediction); ranked with the knowledge
 * learned from the fleet's repair history (a job relearns it) and the model's
 * fault table as the prior.
 */
@Injectable()
export class DiagnosisService {
  private readonly logger = new Logger(DiagnosisService.name);
  private cached: { knowledge: DiagnosisKnowledge; learnedAt: number | null; loadedAt: number } | null = null;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(DIAGNOSIS_KNOWLEDGE_REPOSITORY) private readonly repo: DiagnosisKnowledgeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async diagnose(r: DiagnosisRequest): Promise<Diagnosis> {
    const from = r.at - this.config.workOrders.symptomDays * DAY;
    const events = await this.store.queryEvents({
      deviceId: r.deviceId,
      types: ['fault.raised', 'part.replaced'],
      from: Math.min(from, r.at - ANOMALY_LOOKBACK_DAYS * DAY),
      to: r.at + 1,
      limit: PAGE,
    });
    // codes from before the last replacement were that visit's business
    const lastReplacement = events
      .filter((e) => e.type === 'part.replaced')
      .reduce((t, e) => Math.max(t, e.ts), 0);
    const symptoms: Symptom[] = faultSymptoms(events, Math.max(from, lastReplacement + 1), r.at + 1);
    for (const s of r.extra) {
      if (s.kind === 'fault' && symptoms.some((x) => x.kind === 'fault' && x.code === s.code)) continue;
      symptoms.push(s);
    }
    symptoms.push(...(await this.anomalies(r.deviceId, r.model, lastReplacement, r.at)));
    const { knowledge } = await this.knowledge();
    return diagnose(symptoms, {
      at: r.at,
      components: r.model?.components.map((c) => c.name) ?? [],
      faultTable: r.faultTable,
      knowledge,
    });
  }

  /** The knowledge in use and when it was learned (null: nothing learned yet, the fault table alone). */
  async knowledge(): Promise<{ knowledge: DiagnosisKnowledge; learnedAt: number | null }> {
    if (this.cached && Date.now() - this.cached.loadedAt < KNOWLEDGE_TTL_MS) return this.cached;
    const stored = await this.repo.load();
    this.cached = {
      knowledge: stored?.knowledge ?? EMPTY_KNOWLEDGE,
      learnedAt: stored?.learnedAt ?? null,
      loadedAt: Date.now(),
    };
    return this.cached;
  }

  /**
   * Relearns from the last year of the fleet's service history: which replacement
   * ended which fault codes and gauge drifts. Run by the diagnosis-learning job.
   */
  async learn(now: number): Promise<{ replacements: number; fixes: number; events: number }> {
    const from = now - LEARN_DAYS * DAY;
    const events: EventRecord[] = [];
    let after: EventCursor | undefined;
    for (;;) {
      const page = await this.store.queryEvents({
        types: ['fault.raised', 'part.replaced'],
        from,
        to: now,
        limit: PAGE,
        after,
      });
      events.push(...page);
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { ts: last.ts, key: last.key };
    }
    const observations = await this.anomalyObservations(events, now);
    const knowledge = learnFromHistory(events, observations, { ...DEFAULT_LEARNING, until: now });
    await this.repo.save(knowledge, now);
    this.cached = { knowledge, learnedAt: now, loadedAt: Date.now() };
    const fixes = Object.values(knowledge.fixes).reduce((a, b) => a + b, 0);
    this.logger.log(
      { events: events.length, replacements: knowledge.replacements, fixes },
      'diagnosis relearned',
    );
    return {
      replacements: knowledge.replacements,
      fixes: Math.round(fixes * 10) / 10,
      events: events.length,
    };
  }

  /** Gauge drifts around each replacement visit, as learning observations. */
  private async anomalyObservations(events: readonly EventRecord[], now: number): Promise<Observation[]> {
    const visits = new Map<string, number[]>();
    for (const e of events) {
      if (e.type !== 'part.replaced') continue;
      const list = visits.get(e.deviceId) ?? [];
      list.push(e.ts);
      visits.set(e.deviceId, list);
    }
    const out: Observation[] = [];
    for (const [deviceId, times] of visits) {
      const gauges = await this.gaugesOf(deviceId, null);
      if (!gauges.length) continue;
      const first = Math.min(...times);
      const series = await this.dailyMeans(deviceId, gauges, first - ANOMALY_LOOKBACK_DAYS * DAY, now);
      out.push(...anomalyObservations(deviceId, times, series, DEFAULT_LEARNING.afterMs, now));
    }
    return out;
  }

  private async anomalies(
    deviceId: string,
    model: EquipmentModel | null,
    lastReplacement: number,
    at: number,
  ): Promise<Symptom[]> {
    const gauges = await this.gaugesOf(deviceId, model);
    if (!gauges.length) return [];
    const since = Math.max(lastReplacement, at - ANOMALY_LOOKBACK_DAYS * DAY);
    return detectAnomalies(await this.dailyMeans(deviceId, gauges, since, at), at);
  }

  /** Gauges worth watching: not the usage counter, not consumable levels (`*_pct`, a sawtooth). */
  private async gaugesOf(deviceId: string, model: EquipmentModel | null): Promise<string[]> {
    const skip = new Set(['pages.total', 'run_hours', model?.usageMetric ?? '']);
    return (await this.store.listMetrics(deviceId)).filter((m) => !skip.has(m) && !m.endsWith('_pct'));
  }

  private async dailyMeans(
    deviceId: string,
    metrics: readonly string[],
    from: number,
    to: number,
  ): Promise<Record<string, DailyMean[]>> {
    const out: Record<string, DailyMean[]> = {};
    const start = Math.floor(from / DAY) * DAY;
    if (start >= to) return out;
    for (const metric of metrics) {
      const windows = await this.store.queryAggregate({
        deviceId,
        metric,
        fn: 'mean',
        windowMs: DAY,
        from: start,
        to,
      });
      out[metric] = windows.map((w) => ({ day: w.start, value: w.value }));
    }
    return out;
  }
}
