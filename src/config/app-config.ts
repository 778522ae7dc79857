import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { Ajv } from 'ajv';
import type { RetryPolicy } from '../webhooks/webhook-retry.js';
import type { SlaPolicy } from '../work-orders/service-level.js';
import { ENV_SCHEMA, type EnvName } from './env.schema.js';

/** The service's settings, read once at start-up from the environment and `.env`. */
export interface AppConfig {
  http: { host: string; port: number };
  logLevel: string;
  /** How logs are written; 'auto' decides by whether stdout is a terminal. */
  logFormat: 'auto' | 'json' | 'pretty';
  dataDir: string;
  /** The records database: PostgreSQL at `url`; null: PGlite in `dataDir/records`. */
  database: { url: string | null; poolSize: number };
  mqtt: {
    /** External broker URL; null runs the embedded broker. */
    url: string | null;
    username?: string;
    password?: string;
    clientId: string | null;
    shareGroup: string | null;
    qos: 0 | 1;
    /** CA file to check an external broker's certificate against (mqtts://); null: the system CAs. */
    caFile: string | null;
    /** Keep an external Mosquitto's dynamic security in step, live. */
    dynsecSync: boolean;
    embedded: {
      host: string;
      /** null: no plain TCP listener for devices (TLS only). */
      port: number | null;
      wsPort: number | null;
      /** TLS listeners, used when `tls` is set. */
      tlsPort: number | null;
      wssPort: number | null;
      maxPacketBytes: number;
      connectTimeoutMs: number;
    };
  };
  /** The service's certificate: HTTPS and the broker's TLS listeners. Null: plain HTTP and MQTT only. */
  tls: { certFile: string; keyFile: string; clientCaFile: string | null } | null;
  security: {
    kdfIterations: number;
    /** A provisioning key made valid at start-up, and the models it covers (null: any). */
    provisioningBootstrapKey: string | null;
    provisioningBootstrapModels: string[] | null;
    /** An admin API key made valid at start-up. */
    adminKey: string | null;
    publicHealth: boolean;
    publicMetrics: boolean;
    authFailureDelayMs: number;
    authFailureMaxDelayMs: number;
  };
  ingest: { maxPayloadBytes: number; maxBatchItems: number; maxFutureSkewMs: number };
  write: { batchSize: number; flushIntervalMs: number; queueHighWater: number };
  deadLetterMaxRecords: number;
  apiMaxPoints: number;
  registry: { registerFromBirth: boolean };
  /** Null: the embedded SQLite store. */
  influx: InfluxConfig | null;
  kpi: { refreshIntervalMs: number };
  predictions: PredictionsConfig;
  presence: { offlineAfterIntervals: number; defaultIntervalMs: number; sweepIntervalMs: number };
  jobs: { leaseMs: number };
  workOrders: WorkOrdersConfig;
  webhooks: WebhooksConfig;
  technicians: TechniciansConfig;
  dispatch: DispatchConfig;
  feedback: FeedbackConfig;
  signals: SignalsSettings;
}

export interface TechniciansConfig {
  certificationWarningDays: number;
  certificationIntervalMs: number;
}

export interface DispatchConfig {
  autoAssign: boolean;
  strategy: 'scored' | 'nearest' | 'random';
  /** As given; normalised where they are used. */
  weights: { travel: number; sla: number; skill: number; rating: number; workload: number; parts: number };
  horizonDays: number;
  speedKmh: number;
  roadFactor: number;
  travelScaleKm: number;
  lateWeight: number;
  intervalMs: number;
  randomSeed: number;
}

export interface FeedbackConfig {
  linkBaseUrl: string;
  tokenTtlDays: number;
  prior: { mean: number; weight: number };
  riskWindowDays: number;
  riskIntervalMs: number;
}

export interface SignalsSettings {
  evaluateIntervalMs: number;
  fullSweepIntervalMs: number;
  /** SIGNALS_RULES_FILE: thresholds and prices over the defaults; empty: the defaults (read by the signals module). */
  rulesFile: string;
}

export interface WorkOrdersConfig {
  /** Response and resolution hours per coverage, and when to warn. */
  sla: SlaPolicy;
  slaIntervalMs: number;
  faultDebounceMs: number;
  symptomDays: number;
  pmLeadDays: number;
  pmPullForwardDays: number;
  pmIntervalMs: number;
  learnIntervalMs: number;
}

export interface WebhooksConfig {
  deliveryIntervalMs: number;
  timeoutMs: number;
  retry: RetryPolicy;
  retentionDays: number;
}

/** Failure predictions: scoring and training jobs, horizons, costs, what scoring keeps (docs/predictions.md). */
export interface PredictionsConfig {
  scoringIntervalMs: number;
  trainingIntervalMs: number;
  retrainDays: number;
  retrainFailureGrowth: number;
  horizons: number[];
  alertHorizonDays: number;
  missedFailureCost: number;
  lookbackDays: number;
  gaugeDays: number;
  trainingMaxDevices: number;
  trainingHistoryDays: number;
  backtestDays: number;
}

export interface InfluxConfig {
  url: string;
  api: 'v1' | 'v2';
  token: string;
  org: string;
  bucket: string;
  /** InfluxQL database (v2: the bucket's DBRP mapping); v1 writes go there too. */
  database: string;
  retentionPolicy: string;
  username: string;
  password: string;
  timeoutMs: number;
  batchLines: number;
  spoolMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present); variables already in the environment win. */
export function readEnv(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Record<string, string> {
  const fromFile: Record<string, string | undefined> = existsSync(dotenvPath)
    ? parseEnv(readFileSync(dotenvPath, 'utf8'))
    : {};
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(fromFile)) if (value !== undefined) merged[key] = value;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

const validate = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false }).compile(
  ENV_SCHEMA,
);

/** Validates the environment; throws a ConfigError that lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): AppConfig {
  const known = Object.keys(ENV_SCHEMA.properties);
  const values: Record<string, unknown> = {};
  for (const key of known) {
    // an empty string means "not set" for typed variables, as in most .env tools
    const raw = env[key];
    if (
      raw !== undefined &&
      !(raw === '' && ENV_SCHEMA.properties[key as keyof typeof ENV_SCHEMA.properties].default !== '')
    ) {
      values[key] = raw;
    }
  }
  if (!validate(values)) {
    const problems = (validate.errors ?? []).map((e) => {
      const name = e.instancePath.replace(/^\//, '');
      const secret = (ENV_SCHEMA.properties[name as EnvName] as { writeOnly?: boolean } | undefined)
        ?.writeOnly;
      // a secret is never echoed, not even a wrong one
      const got = secret ? `a value of ${env[name]?.length ?? 0} characters` : JSON.stringify(env[name]);
      return `${name}: ${e.message ?? 'is invalid'} (got ${got})`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const v = values as Record<string, string | number>;
  const crossProblems: string[] = [];
  if (v.INFLUX_URL && v.INFLUX_API !== 'v1') {
    if (!v.INFLUX_TOKEN)
      crossProblems.push('INFLUX_TOKEN: required with the v2 API (on 1.8: "user:password")');
    if (!v.INFLUX_ORG) crossProblems.push('INFLUX_ORG: required with the v2 API (any name on 1.8)');
  }
  const horizons = [...new Set(String(v.PREDICTION_HORIZONS).split(',').map(Number))].sort((a, b) => a - b);
  if (horizons.some((h) => h < 1)) crossProblems.push('PREDICTION_HORIZONS: every horizon is at least 1 day');
  if (!horizons.includes(Number(v.PREDICTION_ALERT_HORIZON_DAYS)))
    crossProblems.push(
      `PREDICTION_ALERT_HORIZON_DAYS: must be one of PREDICTION_HORIZONS (${horizons.join(', ')}), got ${v.PREDICTION_ALERT_HORIZON_DAYS}`,
    );
  if (Boolean(v.TLS_CERT_FILE) !== Boolean(v.TLS_KEY_FILE))
    crossProblems.push('TLS_CERT_FILE, TLS_KEY_FILE: set both or neither');
  if (v.TLS_CLIENT_CA_FILE && !v.TLS_CERT_FILE)
    crossProblems.push(
      'TLS_CLIENT_CA_FILE: needs TLS_CERT_FILE and TLS_KEY_FILE (client certificates come over TLS)',
    );
  const weightNames = ['TRAVEL', 'SLA', 'SKILL', 'RATING', 'WORKLOAD', 'PARTS'].map(
    (w) => `DISPATCH_WEIGHT_${w}`,
  );
  if (weightNames.every((w) => Number(v[w]) === 0))
    crossProblems.push(`${weightNames.join(', ')}: at least one must be above 0`);
  if (crossProblems.length) throw new ConfigError(crossProblems);
  const str = (key: string): string => String(v[key]);
  const num = (key: string): number => Number(v[key]);
  const port = (key: string): number | null => (num(key) < 0 ? null : num(key));
  const list = (key: string): string[] | null => {
    const items = str(key)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    return items.length ? items : null;
  };
  const slaTarget = (key: string) => ({
    responseHours: num(`WORK_ORDER_SLA_${key}_RESPONSE_HOURS`),
    resolutionHours: num(`WORK_ORDER_SLA_${key}_RESOLUTION_HOURS`),
  });
  return {
    http: { host: str('HTTP_HOST'), port: num('HTTP_PORT') },
    logLevel: str('LOG_LEVEL'),
    logFormat: str('LOG_FORMAT') as AppConfig['logFormat'],
    dataDir: str('DATA_DIR'),
    database: { url: str('DATABASE_URL') || null, poolSize: num('DATABASE_POOL_SIZE') },
    mqtt: {
      url: str('MQTT_URL') || null,
      username: str('MQTT_USERNAME') || undefined,
      password: str('MQTT_PASSWORD') || undefined,
      clientId: str('MQTT_CLIENT_ID') || null,
      shareGroup: str('MQTT_SHARE_GROUP') || null,
      qos: num('MQTT_QOS') === 0 ? 0 : 1,
      caFile: str('MQTT_CA_FILE') || null,
      dynsecSync: values.MQTT_DYNSEC_SYNC === true,
      embedded: {
        host: str('MQTT_HOST'),
        port: port('MQTT_PORT'),
        wsPort: port('MQTT_WS_PORT'),
        tlsPort: port('MQTT_TLS_PORT'),
        wssPort: port('MQTT_WSS_PORT'),
        maxPacketBytes: num('MQTT_MAX_PACKET_BYTES'),
        connectTimeoutMs: num('MQTT_CONNECT_TIMEOUT_MS'),
      },
    },
    tls: str('TLS_CERT_FILE')
      ? {
          certFile: str('TLS_CERT_FILE'),
          keyFile: str('TLS_KEY_FILE'),
          clientCaFile: str('TLS_CLIENT_CA_FILE') || null,
        }
      : null,
    security: {
      kdfIterations: num('DEVICE_SECRET_KDF_ITERATIONS'),
      provisioningBootstrapKey: str('PROVISIONING_BOOTSTRAP_KEY') || null,
      provisioningBootstrapModels: list('PROVISIONING_BOOTSTRAP_MODELS'),
      adminKey: str('API_ADMIN_KEY') || null,
      publicHealth: values.API_PUBLIC_HEALTH === true,
      publicMetrics: values.API_PUBLIC_METRICS === true,
      authFailureDelayMs: num('AUTH_FAILURE_DELAY_MS'),
      authFailureMaxDelayMs: num('AUTH_FAILURE_MAX_DELAY_MS'),
    },
    ingest: {
      maxPayloadBytes: num('INGEST_MAX_PAYLOAD_BYTES'),
      maxBatchItems: num('INGEST_MAX_BATCH_ITEMS'),
      maxFutureSkewMs: num('INGEST_MAX_FUTURE_SKEW_MS'),
    },
    write: {
      batchSize: num('WRITE_BATCH_SIZE'),
      flushIntervalMs: num('WRITE_FLUSH_INTERVAL_MS'),
      queueHighWater: num('WRITE_QUEUE_HIGH_WATER'),
    },
    deadLetterMaxRecords: num('DEAD_LETTER_MAX_RECORDS'),
    apiMaxPoints: num('API_MAX_POINTS'),
    registry: { registerFromBirth: values.REGISTRY_REGISTER_FROM_BIRTH === true },
    influx: str('INFLUX_URL')
      ? {
          url: str('INFLUX_URL'),
          api: str('INFLUX_API') === 'v1' ? 'v1' : 'v2',
          token: str('INFLUX_TOKEN'),
          org: str('INFLUX_ORG'),
          bucket: str('INFLUX_BUCKET'),
          database: str('INFLUX_DATABASE') || str('INFLUX_BUCKET'),
          retentionPolicy: str('INFLUX_RETENTION_POLICY'),
          username: str('INFLUX_USERNAME'),
          password: str('INFLUX_PASSWORD'),
          timeoutMs: num('INFLUX_TIMEOUT_MS'),
          batchLines: num('INFLUX_BATCH_LINES'),
          spoolMaxBytes: num('INFLUX_SPOOL_MAX_BYTES'),
        }
      : null,
    kpi: { refreshIntervalMs: num('KPI_REFRESH_INTERVAL_MS') },
    predictions: {
      scoringIntervalMs: num('PREDICTION_SCORING_INTERVAL_MS'),
      trainingIntervalMs: num('PREDICTION_TRAINING_INTERVAL_MS'),
      retrainDays: num('PREDICTION_RETRAIN_DAYS'),
      retrainFailureGrowth: num('PREDICTION_RETRAIN_FAILURE_GROWTH'),
      horizons,
      alertHorizonDays: num('PREDICTION_ALERT_HORIZON_DAYS'),
      missedFailureCost: num('PREDICTION_MISSED_FAILURE_COST'),
      lookbackDays: num('PREDICTION_LOOKBACK_DAYS'),
      gaugeDays: num('PREDICTION_GAUGE_DAYS'),
      trainingMaxDevices: num('PREDICTION_TRAINING_MAX_DEVICES'),
      trainingHistoryDays: num('PREDICTION_TRAINING_HISTORY_DAYS'),
      backtestDays: num('PREDICTION_BACKTEST_DAYS'),
    },
    presence: {
      offlineAfterIntervals: num('PRESENCE_OFFLINE_AFTER_INTERVALS'),
      defaultIntervalMs: num('PRESENCE_DEFAULT_INTERVAL_MS'),
      sweepIntervalMs: num('PRESENCE_SWEEP_INTERVAL_MS'),
    },
    jobs: { leaseMs: num('JOB_LEASE_MS') },
    workOrders: {
      sla: {
        targets: {
          warranty: slaTarget('WARRANTY'),
          'full-service': slaTarget('FULL_SERVICE'),
          'time-and-materials': slaTarget('TIME_AND_MATERIALS'),
          expired: slaTarget('EXPIRED'),
        },
        warningShare: num('WORK_ORDER_SLA_WARNING_SHARE'),
      },
      slaIntervalMs: num('WORK_ORDER_SLA_INTERVAL_MS'),
      faultDebounceMs: num('WORK_ORDER_FAULT_DEBOUNCE_MS'),
      symptomDays: num('WORK_ORDER_SYMPTOM_DAYS'),
      pmLeadDays: num('WORK_ORDER_PM_LEAD_DAYS'),
      pmPullForwardDays: num('WORK_ORDER_PM_PULL_FORWARD_DAYS'),
      pmIntervalMs: num('WORK_ORDER_PM_INTERVAL_MS'),
      learnIntervalMs: num('WORK_ORDER_LEARN_INTERVAL_MS'),
    },
    technicians: {
      certificationWarningDays: num('TECHNICIAN_CERT_WARNING_DAYS'),
      certificationIntervalMs: num('TECHNICIAN_CERT_INTERVAL_MS'),
    },
    dispatch: {
      autoAssign: values.DISPATCH_AUTO_ASSIGN === true,
      strategy: str('DISPATCH_STRATEGY') as DispatchConfig['strategy'],
      weights: {
        travel: num('DISPATCH_WEIGHT_TRAVEL'),
        sla: num('DISPATCH_WEIGHT_SLA'),
        skill: num('DISPATCH_WEIGHT_SKILL'),
        rating: num('DISPATCH_WEIGHT_RATING'),
        workload: num('DISPATCH_WEIGHT_WORKLOAD'),
        parts: num('DISPATCH_WEIGHT_PARTS'),
      },
      horizonDays: num('DISPATCH_HORIZON_DAYS'),
      speedKmh: num('DISPATCH_SPEED_KMH'),
      roadFactor: num('DISPATCH_ROAD_FACTOR'),
      travelScaleKm: num('DISPATCH_TRAVEL_SCALE_KM'),
      lateWeight: num('DISPATCH_LATE_WEIGHT'),
      intervalMs: num('DISPATCH_INTERVAL_MS'),
      randomSeed: num('DISPATCH_RANDOM_SEED'),
    },
    feedback: {
      linkBaseUrl: str('FEEDBACK_LINK_BASE_URL').replace(/\/+$/, ''),
      tokenTtlDays: num('FEEDBACK_TOKEN_TTL_DAYS'),
      prior: { mean: num('FEEDBACK_RATING_PRIOR_MEAN'), weight: num('FEEDBACK_RATING_PRIOR_WEIGHT') },
      riskWindowDays: num('FEEDBACK_RISK_WINDOW_DAYS'),
      riskIntervalMs: num('FEEDBACK_RISK_INTERVAL_MS'),
    },
    webhooks: {
      deliveryIntervalMs: num('WEBHOOK_DELIVERY_INTERVAL_MS'),
      timeoutMs: num('WEBHOOK_TIMEOUT_MS'),
      retry: {
        baseMs: num('WEBHOOK_RETRY_BASE_MS'),
        maxMs: num('WEBHOOK_RETRY_MAX_MS'),
        maxAttempts: num('WEBHOOK_MAX_ATTEMPTS'),
      },
      retentionDays: num('WEBHOOK_RETENTION_DAYS'),
    },
    signals: {
      evaluateIntervalMs: num('SIGNALS_EVALUATE_INTERVAL_MS'),
      fullSweepIntervalMs: num('SIGNALS_FULL_SWEEP_INTERVAL_MS'),
      rulesFile: str('SIGNALS_RULES_FILE'),
    },
  };
}

export const APP_CONFIG = Symbol('AppConfig');
