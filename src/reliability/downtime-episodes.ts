import type { EventRecord } from '../ports/records.js';
import type { DowntimeEpisode } from './reliability-kpis.js';

/**
 * Downtime episodes from device events: a `fault.raised` of severity machine-down
 * opens one; the `fault.cleared` of the same code restores service. The arrival is
 * the start of the visit that finished when the fault cleared (matched by visit id);
 * without one, the first visit that started after the failure. Pure; events in any
 * order (stored events with equal times come back in any order).
 */
export function episodesFromEvents(events: readonly EventRecord[]): DowntimeEpisode[] {
  const byDevice = new Map<string, EventRecord[]>();
  for (const e of events) {
    const list = byDevice.get(e.deviceId) ?? [];
    list.push(e);
    byDevice.set(e.deviceId, list);
  }
  const episodes: DowntimeEpisode[] = [];
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.ts - b.ts);
    // visits first: start time per visit id, and which visits finished when
    const visitStart = new Map<string, number>();
    const finishedAt = new Map<number, string[]>();
    const starts: number[] = [];
    for (const e of list) {
      if (e.type === 'service.started') {
        starts.push(e.ts);
        if (e.visitId) visitStart.set(e.visitId, e.ts);
      } else if (e.type === 'service.finished' && e.visitId) {
        finishedAt.set(e.ts, [...(finishedAt.get(e.ts) ?? []), e.visitId]);
      }
    }
    const arrival = (failureTs: number, restoredTs: number | null): number | undefined => {
      for (const visitId of restoredTs === null ? [] : (finishedAt.get(restoredTs) ?? [])) {
        const start = visitStart.get(visitId);
        if (start !== undefined && start >= failureTs) return start;
      }
      const first = starts.find((ts) => ts >= failureTs && (restoredTs === null || ts <= restoredTs));
      return first;
    };

    const open: Array<{ code: string; component?: string; failureTs: number }> = [];
    const close = (o: (typeof open)[number], restoredTs: number | null): void => {
      const episode: DowntimeEpisode = { deviceId, failureTs: o.failureTs, restoredTs };
      if (o.component) episode.component = o.component;
      const at = arrival(o.failureTs, restoredTs);
      if (at !== undefined) episode.arrivalTs = at;
      episodes.push(episode);
    };
    for (const e of list) {
      if (e.type === 'fault.raised' && e.severity === 'machine-down' && e.code) {
        // the same fault raised again while open is one episode
        if (open.some((o) => o.code === e.code)) continue;
        open.push({ code: e.code, component: e.component, failureTs: e.ts });
      } else if (e.type === 'fault.cleared' && e.code) {
        const i = open.findIndex((o) => o.code === e.code);
        if (i >= 0) close(open.splice(i, 1)[0], e.ts);
      }
    }
    for (const o of open) close(o, null);
  }
  return episodes.sort((a, b) => a.failureTs - b.failureTs || a.deviceId.localeCompare(b.deviceId));
}
