import { api, ok, type ApiSchema } from '../api.js';
import { errorBox, h, table } from '../dom.js';
import { count, time } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';

type Alarm = ApiSchema<'Alarm'>;

/** What a risk alarm's details hold (src/alarms/alarm-rules.ts, predictionRaised). */
interface RiskDetails {
  component?: string;
  probability?: number;
  horizonDays?: number;
  remainingDays?: number | null;
  evidence?: string[];
}

const details = (a: Alarm): RiskDetails => a.details;

/** Active risk alarms, highest probability of failure first (ties: fewest days left). */
export function rankByRisk(alarms: readonly Alarm[]): Alarm[] {
  return [...alarms].sort(
    (a, b) =>
      (details(b).probability ?? 0) - (details(a).probability ?? 0) ||
      (details(a).remainingDays ?? Infinity) - (details(b).remainingDays ?? Infinity) ||
      a.deviceId.localeCompare(b.deviceId),
  );
}

/**
 * The risk ranking: components the predictions expect to fail, from the active
 * `risk:<component>` alarms their alerts raise, with the evidence behind each.
 */
export async function riskPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  main.append(
    h('h1', { tabindex: -1 }, 'Risk ranking'),
    h(
      'p',
      { class: 'muted' },
      'Components predicted to fail, highest risk first: the active risk alarms raised from prediction alerts.',
    ),
  );
  const list = h('div', {});
  main.append(list);
  const load = async (): Promise<void> => {
    try {
      const page = await ok(
        api.GET('/api/v1/alarms', { params: { query: { status: 'active', type: 'risk:', limit: 500 } } }),
      );
      const ranked = rankByRisk(page.data);
      list.replaceChildren(
        ranked.length
          ? table(
              `${count(ranked.length)} components at risk${page.nextCursor ? ' (the first 500)' : ''}`,
              ['Risk', 'Device', 'Component', 'Within', 'Days left', 'Evidence', 'Since', 'Order'],
              ranked.map((a) => {
                const d = details(a);
                return [
                  d.probability === undefined ? '–' : `${Math.round(d.probability * 100)} %`,
                  h('a', { class: 'id', href: `#/devices/${encodeURIComponent(a.deviceId)}` }, a.deviceId),
                  h('a', { href: `#/alarms/${encodeURIComponent(a.id)}` }, d.component ?? a.type.slice(5)),
                  d.horizonDays === undefined ? '–' : `${d.horizonDays} days`,
                  d.remainingDays === undefined || d.remainingDays === null
                    ? '–'
                    : String(Math.round(d.remainingDays)),
                  d.evidence?.length ? h('ul', {}, ...d.evidence.map((e) => h('li', {}, e))) : '–',
                  h('span', { class: 'nowrap' }, time(a.firstRaisedAt)),
                  a.workOrderId
                    ? h('a', { href: `#/orders/${encodeURIComponent(a.workOrderId)}` }, a.workOrderId)
                    : '–',
                ];
              }),
            )
          : h('p', { class: 'muted' }, 'No component is at risk now.'),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  await load();
  const reload = debounce(() => void load(), 1000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(onLive((e) => e.kind === 'alarm' && reload()));
}

/**
 * A device's risk history on its page: each risk alarm its prediction alerts raised,
 * newest first, with the risk, the evidence, and when it cleared (the risk fell back or
 * the part was replaced).
 */
export async function deviceRisk(deviceId: string): Promise<HTMLElement> {
  const page = await ok(
    api.GET('/api/v1/alarms', { params: { query: { deviceId, type: 'risk:', limit: 50 } } }),
  );
  const history = [...page.data].sort((a, b) => b.lastRaisedAt - a.lastRaisedAt);
  return h(
    'section',
    { 'aria-label': 'Risk history' },
    h('h2', {}, 'Risk history'),
    history.length
      ? table(
          `Risk alarms of ${deviceId}, newest first`,
          ['Component', 'Risk', 'Raised', 'Cleared', 'Evidence'],
          history.map((a) => {
            const d = details(a);
            return [
              h('a', { href: `#/alarms/${encodeURIComponent(a.id)}` }, d.component ?? a.type.slice(5)),
              d.probability === undefined
                ? '–'
                : `${Math.round(d.probability * 100)} % within ${d.horizonDays ?? '?'} days`,
              h('span', { class: 'nowrap' }, time(a.firstRaisedAt)),
              a.clearedAt === null ? 'active' : h('span', { class: 'nowrap' }, time(a.clearedAt)),
              d.evidence?.length ? h('ul', {}, ...d.evidence.map((e) => h('li', {}, e))) : '–',
            ];
          }),
        )
      : h('p', { class: 'muted' }, 'No prediction has put this device at risk.'),
  );
}
