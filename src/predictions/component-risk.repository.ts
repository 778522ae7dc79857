import type { ComponentStatus, ComponentPrediction } from './failure-predictor.js';

/**
 * The current risk of one component of one device, as the scoring job last saw it,
 * with what rankings filter by (denormalised from the registry at scoring time).
 */
export interface ComponentRisk {
  deviceId: string;
  component: string;
  modelId: string;
  siteId: string | null;
  customerId: string | null;
  scoredAt: number;
  modelVersion: string;
  status: ComponentStatus;
  basis: ComponentPrediction['basis'];
  /** Per horizon, ascending. */
  risk: Array<{ horizonDays: number; probability: number; alert: boolean }>;
  /** The alert as published: at the alert horizon, raised since when. */
  alert: boolean;
  alertSince: number | null;
  /** When it was last raised, first or renewed (absent in rows saved before renewals). */
  alertLastRaised?: number | null;
  alertHorizonDays: number;
  /** The threshold at the alert horizon. */
  threshold: number;
  remainingDays: number | null;
  remainingUsage: number | null;
  usageUnit: 'pages' | 'hours';
  evidence: string[];
  /** Why the answer is what it is: the component's reasons, then the device's. */
  reasons: string[];
}

export interface RiskRankingQuery {
  horizonDays: number;
  modelId?: string;
  siteId?: string;
  customerId?: string;
  component?: string;
  /** Only components whose alert is raised. */
  alerting?: boolean;
  limit: number;
  /** Rows after this one in ranking order (highest probability first, then device and component). */
  after?: { probability: number; deviceId: string; component: string };
}

/** Where scoring stands between runs; every replica's listener reads it to tell late data. */
export interface ScoringWatermark {
  /** Complete UTC days before this were read. */
  throughDay: number;
  /** Events before this were read. */
  eventsThrough: number;
  /** Which replica's run (its job-runner holder and run number): another's cache is stale. */
  runBy: string;
}

export interface ComponentRiskRepository {
  /** Inserts or replaces rows by (deviceId, component). */
  save(rows: readonly ComponentRisk[]): Promise<void>;
  /** Rows of these devices (all when absent), sorted by device and component. */
  find(deviceIds?: readonly string[]): Promise<ComponentRisk[]>;
  rank(query: RiskRankingQuery): Promise<ComponentRisk[]>;
  /** Removes the rows of devices no longer in service, and components their models no longer have. */
  remove(keys: ReadonlyArray<{ deviceId: string; component?: string }>): Promise<void>;
  /** Devices with data stored for times scoring had read already: device → earliest such time. */
  markLate(marks: ReadonlyMap<string, number>): Promise<void>;
  /** Takes (and clears) the late marks. */
  takeLate(): Promise<Map<string, number>>;
  watermark(): Promise<ScoringWatermark | null>;
  saveWatermark(w: ScoringWatermark): Promise<void>;
}

export const COMPONENT_RISK_REPOSITORY = Symbol('ComponentRiskRepository');
