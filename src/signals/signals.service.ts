import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistryService } from '../registry/registry.service.js';
import { describeOffer, estimateValue } from './offer-pricing.js';
import { LEXICON, classifyRequest, type Classification } from './overt-request-classifier.js';
import {
  ACTIVE_STATUSES,
  RULE_IDS,
  SIGNAL_STATUSES,
  type OfferKind,
  type RuleId,
  type Signal,
  type SignalStatus,
} from './signal.js';
import type { ValuedFinding } from './signal-evaluation.js';
import { SignalFactsService } from './signal-facts.service.js';
import { signalKey, takeFindings } from './signal-intake.js';
import { applyTransition, type TransitionRequest } from './signal-lifecycle.js';
import { SIGNALS_CONFIG, settingsFor, type RuleSettings, type SignalsConfig } from './signal-rules.config.js';
import {
  SIGNAL_REPOSITORY,
  type CustomerRollup,
  type SignalListQuery,
  type SignalRepository,
} from './signal.repository.js';
import { SignalWriter } from './signal-writer.js';
import { newSignalId } from './signal-evaluation.service.js';
import { SIGNAL_RULES } from './rules/index.js';

export type SignalListParams = Omit<SignalListQuery, 'limit' | 'before' | 'statuses'> & {
  /** Comma-separated statuses, or `active`. */
  status?: string;
  limit?: number;
  cursor?: string;
  format?: string;
};

export interface OvertRequest {
  customerId: string;
  deviceId?: string;
  /** The customer's words, as said or written. */
  text: string;
  /** Where it came from: email, phone, portal, technician. */
  channel?: string;
  /** Who asked. */
  contact?: string;
  /** Who entered it. */
  actor?: string;
}

export interface OvertIntake {
  classification: Classification;
  signal: Signal;
  /** True when it raised a new signal; false when it joined the customer's active one for that offer. */
  created: boolean;
}

export interface RuleView {
  id: RuleId;
  kind: 'overt' | 'passive' | 'observed';
  description: string;
  /** The settings section in force for every model, and the models that override it. */
  settings: Record<string, unknown>;
  modelOverrides: Record<string, Record<string, unknown>>;
  outcomes: Record<(typeof SIGNAL_STATUSES)[number], number>;
  /** won ÷ (won + lost) of the signals it gave evidence to; null before any outcome. */
  observedPrecision: number | null;
}

export interface CustomerSignals extends CustomerRollup {
  /** Its active signals, most valuable first. */
  activeSignals: Signal[];
}

const MAX_RETRIES = 5;
const isCursor = (v: unknown): v is [number, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string';

/** Signals for the API: lists, detail, transitions, roll-ups, rules, and the customers' own requests. */
@Injectable()
export class SignalsService {
  constructor(
    @Inject(SIGNAL_REPOSITORY) private readonly repo: SignalRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGNALS_CONFIG) private readonly rulesConfig: SignalsConfig,
    private readonly writer: SignalWriter,
    private readonly registry: RegistryService,
    private readonly facts: SignalFactsService,
  ) {}

  async list(p: SignalListParams): Promise<Page<Signal>> {
    const limit = checkLimit(p.limit, 100, this.config.apiMaxPoints);
    const before = decodeCursor(p.cursor, isCursor);
    const rows = await this.repo.list({
      kind: p.kind,
      rule: p.rule,
      offer: p.offer,
      customerId: p.customerId,
      siteId: p.siteId,
      deviceId: p.deviceId,
      statuses: parseStatuses(p.status),
      limit: limit + 1,
      before: before ? { raisedAt: before[0], id: before[1] } : undefined,
    });
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    return { data, nextCursor: rows.length > limit && last ? encodeCursor([last.raisedAt, last.id]) : null };
  }

  async get(id: string): Promise<Signal> {
    const signal = await this.repo.get(id);
    if (!signal) throw new DomainError(ErrorCode.NotFound, `no signal ${id}`);
    return signal;
  }

  /** A status change by a person or a CRM: 409 with the reason when the lifecycle forbids it. */
  async transition(id: string, request: TransitionRequest, at: number): Promise<Signal> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await this.get(id);
      const result = applyTransition(current, request, at);
      if (!result.ok)
        throw new DomainError(
          result.refusal.code === 'reason_required' ? ErrorCode.InvalidArgument : ErrorCode.Conflict,
          result.refusal.message,
        );
      const written = await this.writer.commit({
        raised: [],
        changed: [{ signal: result.signal, changes: [result.change] }],
        refreshed: [],
      });
      if (written.changed.length) return written.changed[0].signal;
    }
    throw new DomainError(ErrorCode.Conflict, `signal ${id} keeps changing; try again`);
  }

  /**
   * A customer's request in their own words: classified into an offer, it raises a
   * signal or joins the customer's active one for that offer (a request counts even
   * during a cool-down: the customer asked).
   */
  async request(req: OvertRequest, at: number): Promise<OvertIntake> {
    await this.registry.get('customers', req.customerId);
    const fleet = req.deviceId ? await this.facts.fleet() : null;
    const device = req.deviceId ? fleet!.byId.get(req.deviceId) : undefined;
    if (req.deviceId) {
      if (!device)
        throw new DomainError(ErrorCode.NotFound, `device ${req.deviceId} is not registered at a site`);
      if (device.customerId !== req.customerId)
        throw new DomainError(
          ErrorCode.InvalidArgument,
          `device ${req.deviceId} belongs to customer ${device.customerId}, not ${req.customerId}`,
        );
    }
    const classification = classifyRequest(req.text);
    const productId = productFor(classification.offer, device?.model.successorModelId, device?.model.modelId);
    const deviceFacts = device ? (await this.facts.facts([device], at)).facts[0] : null;
    const offer = { kind: classification.offer, productId };
    const finding: ValuedFinding = {
      rule: 'overt-request',
      kind: 'overt',
      deviceId: req.deviceId ?? null,
      customerId: req.customerId,
      siteId: device?.siteId ?? null,
      offer: describeOffer(offer),
      reason: `the customer asked: “${req.text.length > 200 ? `${req.text.slice(0, 199)}…` : req.text}”`,
      figures: {
        words: req.text,
        matched: classification.matched,
        channel: req.channel ?? null,
        contact: req.contact ?? null,
      },
      confidence: classification.confidence,
      estimatedValue: estimateValue(offer, deviceFacts, this.rulesConfig),
    };
    const rules = this.rulesConfig;
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const state = await this.repo.forCustomers([req.customerId]);
      const result = takeFindings(
        [finding],
        {
          active: new Map(state.active.map((s) => [signalKey(s.customerId, s.offerKey), s])),
          lastClosed: new Map(state.lastClosed.map((s) => [signalKey(s.customerId, s.offerKey), s])),
        },
        {
          now: at,
          actor: req.actor ?? 'api',
          currency: rules.currency,
          cooldownDays: rules.cooldownDays,
          newId: newSignalId,
        },
      );
      const written = await this.writer.commit(result);
      if (written.raised.length) return { classification, signal: written.raised[0], created: true };
      if (written.changed.length)
        return { classification, signal: written.changed[0].signal, created: false };
    }
    throw new DomainError(
      ErrorCode.Conflict,
      `the signals of customer ${req.customerId} keep changing; try again`,
    );
  }

  /** Customers by the value of their active signals. */
  async customers(p: { limit?: number; cursor?: string }): Promise<Page<CustomerRollup>> {
    const limit = checkLimit(p.limit, 100, this.config.apiMaxPoints);
    const after = decodeCursor(p.cursor, isCursor);
    const rows = await this.repo.rollups({
      limit: limit + 1,
      after: after ? { activeValue: after[0], customerId: after[1] } : undefined,
    });
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    return {
      data,
      nextCursor: rows.length > limit && last ? encodeCursor([last.activeValue, last.customerId]) : null,
    };
  }

  async customer(customerId: string): Promise<CustomerSignals> {
    await this.registry.get('customers', customerId);
    const rollup = await this.repo.rollup(customerId);
    const active = (await this.repo.forCustomers([customerId])).active.sort(
      (a, b) => b.estimatedValue - a.estimatedValue || (a.id < b.id ? -1 : 1),
    );
    return { ...rollup, activeSignals: active };
  }

  /** Every rule with its settings in force and its observed precision from won and lost outcomes. */
  async rules(): Promise<RuleView[]> {
    const outcomes = new Map((await this.repo.outcomesByRule()).map((o) => [o.rule, o.byStatus]));
    const config = this.rulesConfig;
    const empty = Object.fromEntries(SIGNAL_STATUSES.map((s) => [s, 0])) as RuleView['outcomes'];
    const view = (
      id: RuleId,
      kind: RuleView['kind'],
      description: string,
      section: keyof RuleSettings | null,
      settings: Record<string, unknown>,
    ): RuleView => {
      const o = outcomes.get(id) ?? empty;
      const decided = o.won + o.lost;
      const overrides: Record<string, Record<string, unknown>> = {};
      if (section)
        for (const [model, over] of Object.entries(config.models))
          if (over[section]) overrides[model] = { ...settingsFor(config, model)[section] };
      return {
        id,
        kind,
        description,
        settings,
        modelOverrides: overrides,
        outcomes: { ...empty, ...o },
        observedPrecision: decided ? Math.round((o.won / decided) * 1000) / 1000 : null,
      };
    };
    const byId = new Map(SIGNAL_RULES.map((r) => [r.id, r]));
    return RULE_IDS.map((id) => {
      const rule = byId.get(id);
      if (!rule)
        return view(
          id,
          'overt',
          'The customer asks, in their words (POST /api/v1/signals/requests): filed under an offer by weighted phrases.',
          null,
          { offers: LEXICON.map((l) => l.offer), unmatched: 'consultation' },
        );
      return view(rule.id, rule.kind, rule.description, rule.settings, {
        ...(config.defaults[rule.settings] as object),
      });
    });
  }
}

/** `open,offered` or `active` (open, acknowledged, offered); 400 with the reason otherwise. */
function parseStatuses(raw: string | undefined): SignalStatus[] | undefined {
  if (!raw) return undefined;
  const out = new Set<SignalStatus>();
  for (const item of raw.split(',').map((s) => s.trim())) {
    if (item === 'active') for (const s of ACTIVE_STATUSES) out.add(s);
    else if ((SIGNAL_STATUSES as readonly string[]).includes(item)) out.add(item as SignalStatus);
    else
      throw new DomainError(
        ErrorCode.InvalidArgument,
        `status must be among ${SIGNAL_STATUSES.join(', ')} or active; got ${item}`,
      );
  }
  return [...out];
}

/** The product of an offer a customer asked for about a device: its successor, or another of its model. */
function productFor(
  offer: OfferKind,
  successor: string | undefined,
  model: string | undefined,
): string | null {
  if (offer === 'upgrade') return successor ?? null;
  if (offer === 'additional-capacity') return model ?? null;
  return null;
}
