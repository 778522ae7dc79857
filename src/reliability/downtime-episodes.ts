import type { EventRecord } from '../ports/records.js';
import type { DowntimeEpisode } from './reliability-kpis.js';

/**
 * How events at one instant are taken, in the order things happen on site: a fault
 * is raised, the technician starts, parts go in, service is restored, the visit
 * closes. So a fault raised and cleared at the same instant (hourly exports, a
 * device reporting a momentary fault) is an episode of zero length, not one left
 * open. Types not listed sit in the middle.
 */
const RANK: Readonly<Record<string, number>> = {
  'device.online': 0,
  'fault.raised': 1,
  'service.started': 2,
  'part.replaced': 3,
  'consumable.replaced': 3,
  'pm.done': 3,
  'fault.cleared': 4,
  'service.finished': 5,
  'device.offline': 6,
};
const rank = (type: string): number => RANK[type] ?? 3;

/** Time order, and within one instant the order of `RANK`. */
export function compareEvents(a: EventRecord, b: EventRecord): number {
  return a.ts - b.ts || rank(a.type) - rank(b.type);
}

interface OpenEpisode {
  code: string;
  component?: string;
  failureTs: number;
  /** First visit that started since the failure (the arrival unless a visit id says otherwise). */
  firstVisitTs?: number;
}

/**
 * What an episode builder knows at a time that later events need: the episodes
 * still open, and the visits started since the earliest of them and not finished.
 * Plain JSON, so the KPI ledger keeps it between runs.
 */
export interface EpisodeCarry {
  open: OpenEpisode[];
  visits: Record<string, number>;
}

/**
 * Downtime episodes of one device, from its events fed in time order (a batch at
 * a time): a `fault.raised` of severity machine-down opens one; the `fault.cleared`
 * of the same code restores service. The arrival is the start of the visit that
 * finished when the fault cleared (matched by visit id); without one, the first
 * visit that started after the failure. A fault raised again while its episode is
 * open is the same episode. Pure; `carry()` and the constructor let a later run go
 * on from where this one stopped, with the same result as one pass over everything.
 */
export class EpisodeBuilder {
  /** Episodes restored so far, in the order they were restored. */
  readonly closed: DowntimeEpisode[] = [];
  private open: OpenEpisode[];
  private visits: Map<string, number>;
  private lastTs = -Infinity;

  constructor(
    readonly deviceId: string,
    carry?: EpisodeCarry,
  ) {
    this.open = carry ? carry.open.map((o) => ({ ...o })) : [];
    this.visits = new Map(Object.entries(carry?.visits ?? {}));
  }

  /** Events of this device, in time order and after those fed before; any order within an instant. */
  feed(events: readonly EventRecord[]): void {
    let i = 0;
    while (i < events.length) {
      const ts = events[i].ts;
      if (ts < this.lastTs) throw new RangeError('events must be fed in time order');
      let j = i;
      while (j < events.length && events[j].ts === ts) j++;
      this.instant(events.slice(i, j).sort(compareEvents));
      this.lastTs = ts;
      i = j;
    }
  }

  /** Episodes still open, restoredTs null. */
  openEpisodes(): DowntimeEpisode[] {
    return this.open.map((o) => this.episode(o, null, o.firstVisitTs));
  }

  carry(): EpisodeCarry {
    return { open: this.open.map((o) => ({ ...o })), visits: Object.fromEntries(this.visits) };
  }

  private instant(events: readonly EventRecord[]): void {
    // visits that finish at this instant: the one that closes a fault is its arrival
    const finishing = events.filter((e) => e.type === 'service.finished' && e.visitId).map((e) => e.visitId!);
    for (const e of events) {
      if (e.type === 'service.started') {
        if (e.visitId) this.visits.set(e.visitId, e.ts);
        for (const o of this.open) o.firstVisitTs ??= e.ts;
      } else if (e.type === 'fault.raised' && e.severity === 'machine-down' && e.code) {
        if (this.open.some((o) => o.code === e.code)) continue;
        this.open.push({ code: e.code, component: e.component, failureTs: e.ts });
      } else if (e.type === 'fault.cleared' && e.code) {
        const i = this.open.findIndex((o) => o.code === e.code);
        if (i < 0) continue;
        const [o] = this.open.splice(i, 1);
        const byVisit = finishing
          .map((id) => this.visits.get(id))
          .find((start) => start !== undefined && start >= o.failureTs);
        this.closed.push(this.episode(o, e.ts, byVisit ?? o.firstVisitTs));
      } else if (e.type === 'service.finished' && e.visitId) {
        this.visits.delete(e.visitId);
      }
    }
    // a visit that started before every open failure can be no one's arrival
    const earliest = Math.min(...this.open.map((o) => o.failureTs));
    for (const [id, start] of this.visits) if (start < earliest) this.visits.delete(id);
  }

  private episode(o: OpenEpisode, restoredTs: number | null, arrivalTs: number | undefined): DowntimeEpisode {
    const episode: DowntimeEpisode = { deviceId: this.deviceId, failureTs: o.failureTs, restoredTs };
    if (o.component) episode.component = o.component;
    if (arrivalTs !== undefined) episode.arrivalTs = arrivalTs;
    return episode;
  }
}

/** Events of each device, in `compareEvents` order. */
export function eventsByDevice(events: readonly EventRecord[]): Map<string, EventRecord[]> {
  const byDevice = new Map<string, EventRecord[]>();
  for (const e of events) {
    const list = byDevice.get(e.deviceId);
    if (list) list.push(e);
    else byDevice.set(e.deviceId, [e]);
  }
  for (const list of byDevice.values()) list.sort(compareEvents);
  return byDevice;
}

/** Downtime episodes from device events in any order (see `EpisodeBuilder`). */
export function episodesFromEvents(events: readonly EventRecord[]): DowntimeEpisode[] {
  const episodes: DowntimeEpisode[] = [];
  for (const [deviceId, list] of eventsByDevice(events)) {
    const builder = new EpisodeBuilder(deviceId);
    builder.feed(list);
    episodes.push(...builder.closed, ...builder.openEpisodes());
  }
  return episodes.sort((a, b) => a.failureTs - b.failureTs || a.deviceId.localeCompare(b.deviceId));
}
