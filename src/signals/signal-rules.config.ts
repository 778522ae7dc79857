import { readFileSync } from 'node:fs';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { describeErrors } from '../common/http/typed-api.js';
import { ConfigError } from '../config/app-config.js';

/**
 * The rules' thresholds and the prices offers are valued with: data, not code. Defaults
 * here; an operator's JSON file (SIGNALS_RULES_FILE) overrides any of them, for all
 * models (`defaults`) or per registry model (`models.<modelId>`). `GET /api/v1/signals/rules`
 * shows what is in force. Every field is documented where it is declared.
 */

const share = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });
const count = (description: string) => Type.Integer({ minimum: 1, maximum: 1000, description });
const money = (description: string) => Type.Number({ minimum: 0, description });
const months = (description: string) => Type.Integer({ minimum: 1, maximum: 24, description });

export const RuleSettingsSections = {
  overuse: Type.Object(
    {
      shareOfRated: share(
        'Monthly use at or above this share of the rated duty (or recommended volume) is overuse.',
      ),
      months: months('Consecutive complete months of overuse needed: sustained, not a busy month.'),
      recommendedMonthlyVolume: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()], {
        description:
          "The maker's recommended monthly volume, when it is below the rated duty; null: the registry's ratedMonthlyDuty.",
      }),
    },
    { additionalProperties: false },
  ),
  capacity: Type.Object(
    {
      shareOfRated: share('A month at or above this share of the rated duty is a month at capacity.'),
      months: months('Complete months looked at.'),
      atLeast: count('Months at capacity among them needed.'),
      queueMetric: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
        description: 'Gauge of jobs waiting (e.g. jobs.queued), when the model reports one; null: none.',
      }),
      queueThreshold: Type.Number({
        minimum: 0,
        description:
          'Daily peak of the queue gauge, averaged over the last month, at or above which jobs queue.',
      }),
    },
    { additionalProperties: false },
  ),
  repeatBreakdowns: Type.Object(
    {
      months: months('Complete months the failures are counted over.'),
      minFailures: count('Fewest machine-down failures in them.'),
      maxProbability: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          "Fires when so many failures had at most this probability at the model's failure rate (Poisson): well above the norm.",
      }),
    },
    { additionalProperties: false },
  ),
  tmAfterWarranty: Type.Object(
    {
      days: Type.Integer({ minimum: 1, maximum: 730, description: 'Window the visits are counted in.' }),
      minVisits: count('Fewest billable visits after the warranty (and any contract) ended.'),
    },
    { additionalProperties: false },
  ),
  departmentImbalance: Type.Object(
    {
      ratio: Type.Number({
        minimum: 1,
        description: 'A machine this many times busier than a peer in another department of the site.',
      }),
      minShareOfRated: share('…and itself at or above this share of its rated duty (strained).'),
      months: months('Complete months averaged.'),
    },
    { additionalProperties: false },
  ),
  growingVolume: Type.Object(
    {
      growthPerYear: Type.Number({
        description: "Fires when the customer's volume grows this much a year or more (0.1 = 10 %).",
      }),
      months: months('Complete months the trend is fitted over.'),
      minMonths: count('Fewest months with usage needed to fit a trend.'),
      usageUnits: Type.Array(Type.Union([Type.Literal('pages'), Type.Literal('hours')]), {
        maxItems: 2,
        description:
          'Usage units whose volume says how the business grows: pages. Run hours of HVAC follow the weather, not the business.',
      }),
    },
    { additionalProperties: false },
  ),
  misuse: Type.Object(
    {
      codes: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
        maxItems: 100,
        description:
          "Misuse codes besides those the registry model's fault table marks as caused by the user (likelyComponent null): for models registered without a fault table.",
      }),
      months: months('Complete months the codes are counted over.'),
      minEvents: count('Fewest misuse codes in them.'),
      per10kUnits: Type.Number({
        minimum: 0,
        description: 'Fewest misuse codes per 10,000 pages (or run hours).',
      }),
    },
    { additionalProperties: false },
  ),
  underuse: Type.Object(
    {
      shareOfRated: share('Average monthly use below this share of the rated duty is underuse.'),
      months: months('Complete months averaged.'),
      peerMaxShareAfter: share(
        "A peer at the site can take the volume when its use plus this one's stays within this share of its rated duty.",
      ),
    },
    { additionalProperties: false },
  ),
  contractEnding: Type.Object(
    {
      withinDays: Type.Integer({
        minimum: 1,
        maximum: 730,
        description: 'Warranty or contract ending this soon.',
      }),
    },
    { additionalProperties: false },
  ),
  costToServe: Type.Object(
    {
      months: months('Cost to serve is summed over these last complete months (half for the trend).'),
      ratio: Type.Number({
        exclusiveMinimum: 0,
        description: "Fires when cost reaches this share of the contract's value.",
      }),
    },
    { additionalProperties: false },
  ),
  pricing: Type.Object(
    {
      listPrice: money("A model's list price: an upgrade is valued at its successor's."),
      fullServicePerUnit: money('Full-service contract price per page (or run hour).'),
      fullServiceMinPerYear: money('Least a full-service contract brings a year.'),
      extendedWarrantyShare: share("Extended warranty a year, as a share of the model's list price."),
      pmVisitPrice: money('Price of a preventive-maintenance visit.'),
      pmVisitsPerYear: Type.Number({ minimum: 0, description: 'PM visits a plan sells a year.' }),
      trainingPrice: money('User training.'),
      consolidationValue: money('A consolidation project (move, reconfigure, remove).'),
      visitCost: money('What a service visit costs the OEM (labour and travel): cost to serve.'),
      partCost: money('What a replaced part costs the OEM, on average: cost to serve.'),
      tmVisitPrice: money('What a time-and-materials visit bills the customer.'),
    },
    { additionalProperties: false },
  ),
};

export const RuleSettingsSchema = Type.Object(RuleSettingsSections, { additionalProperties: false });
/** The thresholds and prices of one model. */
export type RuleSettings = Static<typeof RuleSettingsSchema>;

const partialSections = Type.Object(
  Object.fromEntries(
    Object.entries(RuleSettingsSections).map(([k, v]) => [k, Type.Optional(Type.Partial(v as TObject))]),
  ),
  { additionalProperties: false },
);

export const SignalsConfigFileSchema = Type.Object(
  {
    currency: Type.Optional(
      Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of the values.' }),
    ),
    lookbackMonths: Type.Optional(months('Complete months of history the facts cover.')),
    cooldownDays: Type.Optional(
      Type.Partial(
        Type.Object(
          {
            dismissed: Type.Integer({ minimum: 0, maximum: 3650 }),
            lost: Type.Integer({ minimum: 0, maximum: 3650 }),
            won: Type.Integer({ minimum: 0, maximum: 3650 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    defaults: Type.Optional(partialSections),
    models: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 64 }), partialSections)),
  },
  { additionalProperties: false },
);
export type SignalsConfigFile = Static<typeof SignalsConfigFileSchema>;

export interface SignalsConfig {
  currency: string;
  lookbackMonths: number;
  /** Days after a signal closed before the same customer and offer can raise a new one. */
  cooldownDays: { dismissed: number; lost: number; won: number };
  defaults: RuleSettings;
  /** Overrides per registry model id. */
  models: Record<string, DeepPartial<RuleSettings>>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  overuse: { shareOfRated: 1.2, months: 3, recommendedMonthlyVolume: null },
  capacity: { shareOfRated: 1, months: 3, atLeast: 2, queueMetric: null, queueThreshold: 5 },
  repeatBreakdowns: { months: 3, minFailures: 3, maxProbability: 0.01 },
  tmAfterWarranty: { days: 180, minVisits: 3 },
  departmentImbalance: { ratio: 3, minShareOfRated: 0.8, months: 3 },
  growingVolume: { growthPerYear: 0.1, months: 12, minMonths: 9, usageUnits: ['pages'] },
  misuse: { codes: [], months: 3, minEvents: 6, per10kUnits: 2 },
  underuse: { shareOfRated: 0.35, months: 3, peerMaxShareAfter: 0.8 },
  contractEnding: { withinDays: 90 },
  costToServe: { months: 12, ratio: 1 },
  pricing: {
    listPrice: 6_000,
    fullServicePerUnit: 0.008,
    fullServiceMinPerYear: 600,
    extendedWarrantyShare: 0.1,
    pmVisitPrice: 180,
    pmVisitsPerYear: 4,
    trainingPrice: 450,
    consolidationValue: 1_200,
    visitCost: 220,
    partCost: 120,
    tmVisitPrice: 260,
  },
};

export const DEFAULT_SIGNALS_CONFIG: SignalsConfig = {
  currency: 'EUR',
  lookbackMonths: 12,
  cooldownDays: { dismissed: 90, lost: 180, won: 365 },
  defaults: DEFAULT_RULE_SETTINGS,
  models: {},
};

export class SignalsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid signal rules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SignalsConfigError';
  }
}

const validateFile = new Ajv({ allErrors: true, strict: false }).compile<SignalsConfigFile>(
  SignalsConfigFileSchema,
);

function merge(base: RuleSettings, over: DeepPartial<RuleSettings> | undefined): RuleSettings {
  if (!over) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [section, values] of Object.entries(over))
    out[section] = { ...(base as Record<string, object>)[section], ...values };
  return out as RuleSettings;
}

/** The configuration from a parsed file (validated: every problem listed) over the defaults. */
export function signalsConfigFrom(file: unknown): SignalsConfig {
  if (!validateFile(file))
    throw new SignalsConfigError(describeErrors(validateFile.errors, 'body').split('; '));
  const config: SignalsConfig = {
    currency: file.currency ?? DEFAULT_SIGNALS_CONFIG.currency,
    lookbackMonths: file.lookbackMonths ?? DEFAULT_SIGNALS_CONFIG.lookbackMonths,
    cooldownDays: { ...DEFAULT_SIGNALS_CONFIG.cooldownDays, ...file.cooldownDays },
    defaults: merge(DEFAULT_RULE_SETTINGS, file.defaults),
    models: file.models ?? {},
  };
  const problems: string[] = [];
  for (const [model, settings] of [
    ['defaults', config.defaults] as const,
    ...Object.keys(config.models).map((m) => [m, settingsFor(config, m)] as const),
  ]) {
    const longest = Math.max(
      settings.overuse.months,
      settings.capacity.months,
      settings.repeatBreakdowns.months,
      settings.departmentImbalance.months,
      settings.growingVolume.months,
      settings.misuse.months,
      settings.underuse.months,
      settings.costToServe.months,
    );
    if (longest > config.lookbackMonths)
      problems.push(
        `${model}: a rule looks back ${longest} months, more than lookbackMonths (${config.lookbackMonths})`,
      );
    if (settings.capacity.atLeast > settings.capacity.months)
      problems.push(`${model}: capacity.atLeast (${settings.capacity.atLeast}) is more than capacity.months`);
    if (settings.growingVolume.minMonths > settings.growingVolume.months)
      problems.push(`${model}: growingVolume.minMonths is more than growingVolume.months`);
  }
  if (problems.length) throw new SignalsConfigError(problems);
  return config;
}

/** Reads SIGNALS_RULES_FILE; empty: the defaults. */
export function loadSignalsConfig(file: string): SignalsConfig {
  if (!file) return DEFAULT_SIGNALS_CONFIG;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SignalsConfigError([`${file}: ${String((err as { message?: unknown }).message ?? err)}`]);
  }
  try {
    return signalsConfigFrom(parsed);
  } catch (err) {
    if (err instanceof SignalsConfigError)
      throw new SignalsConfigError(err.problems.map((p) => `${file}: ${p}`));
    throw err;
  }
}

/** The thresholds and prices in force for a model: its overrides over the defaults. */
export function settingsFor(config: SignalsConfig, modelId: string): RuleSettings {
  return merge(config.defaults, config.models[modelId]);
}

/** The thresholds and prices in force (a SignalsConfig), for injection. */
export const SIGNALS_CONFIG = Symbol('SignalsConfig');

/** The rules SIGNALS_RULES_FILE names, read at start-up: a bad file fails start-up listing every problem. */
export function signalRulesAtStartUp(file: string): SignalsConfig {
  try {
    return loadSignalsConfig(file);
  } catch (err) {
    if (err instanceof SignalsConfigError)
      throw new ConfigError(err.problems.map((p) => `SIGNALS_RULES_FILE: ${p}`));
    throw err;
  }
}
