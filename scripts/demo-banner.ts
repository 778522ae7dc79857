/**
 * What `npm start` prints once the demo fleet's history is in: what to look at,
 * with the commands to do it. One entry per line; an entry with `when` shows up by
 * itself once the API has that path (features of later issues land that way).
 */
export interface BannerEntry {
  label: string;
  /** Path and query under the API's base URL; `{device}`, `{metric}`, `{yearAgo}` are filled in. */
  path: string;
  /** Shown only when the OpenAPI document has this path. */
  when?: string;
  /** Opened in a browser rather than with curl. */
  browse?: boolean;
}

export const BANNER_ENTRIES: readonly BannerEntry[] = [
  { label: 'Fleet KPIs, by month', path: '/api/v1/kpis?from={yearAgo}&interval=month' },
  { label: '… as CSV', path: '/api/v1/kpis?from={yearAgo}&interval=month&format=csv' },
  { label: 'Failures and repairs', path: '/api/v1/events?type=fault.raised,service.finished&from={yearAgo}' },
  { label: 'One device', path: '/api/v1/devices/{device}' },
  { label: 'Its KPIs', path: '/api/v1/kpis?scope=device&id={device}&from={yearAgo}' },
  {
    label: 'Its {metric}, daily',
    path: '/api/v1/devices/{device}/telemetry/{metric}?window=1d&fn=mean&from={yearAgo}',
  },
  { label: 'Devices, online or not', path: '/api/v1/devices' },
  { label: 'Fleet registry', path: '/api/v1/registry/devices' },
  { label: 'Dead letters', path: '/api/v1/dead-letters' },
  // later features: listed here now, shown as soon as their endpoint exists
  { label: 'Failure predictions', path: '/api/v1/predictions', when: '/api/v1/predictions' },
  { label: 'Work orders', path: '/api/v1/work-orders', when: '/api/v1/work-orders' },
  { label: 'Upsell signals', path: '/api/v1/signals', when: '/api/v1/signals' },
  { label: 'Devices with credentials', path: '/api/v1/credentials' },
  { label: 'Audit log of writes', path: '/api/v1/audit' },
  { label: 'API docs', path: '/docs', browse: true },
  { label: 'Prometheus metrics', path: '/metrics' },
];

export interface BannerContext {
  apiUrl: string;
  /** Paths of the OpenAPI document. */
  paths: readonly string[];
  devices: number;
  device: string;
  metric: string;
  /** `YYYY-MM-DD`, a UTC midnight a year ago. */
  yearAgo: string;
  /** What the seeding put in, when this run seeded. */
  seeded: { failures: number; repairs: number; seconds: number } | null;
  kpis: {
    mtbfMs: number | null;
    mttrMs: number | null;
    availability: number | null;
    failures: number;
  } | null;
  /** How the simulation goes on. */
  pacing: string;
  dataDir: string;
  logLevel: string;
  /** The admin API key every command sends, and the file that keeps it. */
  apiKey?: { key: string; file: string };
}

const HOUR = 3_600_000;
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms >= 48 * HOUR) return `${(ms / (24 * HOUR)).toFixed(1)} d`;
  if (ms >= 2 * HOUR) return `${(ms / HOUR).toFixed(1)} h`;
  return `${Math.round(ms / 60_000)} min`;
}

export function renderBanner(c: BannerContext): string {
  const fill = (s: string): string =>
    s.replaceAll('{device}', c.device).replaceAll('{metric}', c.metric).replaceAll('{yearAgo}', c.yearAgo);
  const entries = BANNER_ENTRIES.filter((e) => !e.when || c.paths.includes(e.when));
  const width = Math.max(...entries.map((e) => fill(e.label).length));
  const lines = entries.map((e) => {
    const url = c.apiUrl + fill(e.path);
    const curl = c.apiKey ? 'curl -H "Authorization: Bearer $FLEET_API_KEY"' : 'curl';
    const command = e.browse ? url : url.includes('?') ? `${curl} '${url}'` : `${curl} ${url}`;
    return `    ${fill(e.label).padEnd(width)}  ${command}`;
  });
  const history = c.seeded
    ? `a year of history seeded in ${c.seeded.seconds.toFixed(0)} s (${c.seeded.failures} component failures, ${c.seeded.repairs} repair visits)`
    : 'its history kept from an earlier run (remove the data folder to seed a fresh year)';
  const kpis = c.kpis
    ? `  Over the year: ${c.kpis.failures} machine-down failures, MTBF ${formatDuration(c.kpis.mtbfMs)}, MTTR ${formatDuration(c.kpis.mttrMs)}, ` +
      `availability ${c.kpis.availability === null ? '–' : `${(c.kpis.availability * 100).toFixed(2)} %`}.\n`
    : '';
  return [
    '',
    `  Fleet telemetry is running: ${c.devices} simulated copiers and HVAC units, ${history}.`,
    kpis + `  The fleet goes on ${c.pacing}.`,
    '',
    ...(c.apiKey
      ? [
          `  Every call needs an API key; an admin's (kept in ${c.apiKey.file}; more with npm run keys):`,
          `    export FLEET_API_KEY=${c.apiKey.key}`,
          '',
        ]
      : []),
    '  Look at',
    ...lines,
    '',
    `  Logs below: ${c.logLevel === 'warn' ? 'warnings and errors only (LOG_LEVEL=info npm start for more)' : `level ${c.logLevel}`}.`,
    `  Ctrl-C stops everything; data stays in ${c.dataDir}.`,
    '',
  ].join('\n');
}
