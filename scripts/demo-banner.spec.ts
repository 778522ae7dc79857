import { BANNER_ENTRIES, formatDuration, renderBanner, type BannerContext } from './demo-banner.js';

const CONTEXT: BannerContext = {
  apiUrl: 'http://127.0.0.1:3000',
  paths: ['/api/v1/kpis', '/api/v1/devices'],
  devices: 25,
  device: 'sim-00003',
  metric: 'fuser.temp_c',
  yearAgo: '2025-11-22',
  seeded: { failures: 93, repairs: 93, seconds: 21 },
  kpis: { mtbfMs: 90 * 3_600_000 * 24, mttrMs: 5.5 * 3_600_000, availability: 0.9961, failures: 93 },
  pacing: 'at a day every 10 s until it has caught up with now, then in real time',
  dataDir: './data',
  logLevel: 'warn',
};

describe(renderBanner.name, () => {
  it('says what was seeded, the KPIs, and the commands to look at them', () => {
    const text = renderBanner(CONTEXT);
    expect(text).toContain('a year of history seeded in 21 s (93 component failures, 93 repair visits)');
    expect(text).toContain('93 machine-down failures, MTBF 90.0 d, MTTR 5.5 h, availability 99.61 %');
    expect(text).toContain(
      "curl 'http://127.0.0.1:3000/api/v1/devices/sim-00003/telemetry/fuser.temp_c?window=1d&fn=mean&from=2025-11-22'",
    );
    expect(text).toContain('Ctrl-C stops everything');
  });

  it('shows the entries of later features only once their endpoint exists', () => {
    expect(renderBanner(CONTEXT)).not.toContain('Work orders');
    const landed = renderBanner({ ...CONTEXT, paths: [...CONTEXT.paths, '/api/v1/work-orders'] });
    expect(landed).toContain('Work orders');
    expect(landed).toContain('curl http://127.0.0.1:3000/api/v1/work-orders');
  });

  it('shows the admin key once, and every command sends it', () => {
    const text = renderBanner({ ...CONTEXT, apiKey: { key: 'fk_example', file: './data/demo-keys.json' } });
    expect(text).toContain('export FLEET_API_KEY=fk_example');
    expect(text.split('fk_example')).toHaveLength(2);
    expect(text).toContain(
      'curl -H "Authorization: Bearer $FLEET_API_KEY" http://127.0.0.1:3000/api/v1/devices',
    );
  });

  it('uses only windows the API documents (30s, 5m, 1h, 1d, 1w)', () => {
    for (const e of BANNER_ENTRIES) {
      const window = /[?&]window=([^&]+)/.exec(e.path)?.[1];
      if (window) expect(['30s', '5m', '1h', '1d', '1w']).toContain(window);
    }
  });
});

describe(formatDuration.name, () => {
  it.each([
    [null, '–'],
    [30 * 60_000, '30 min'],
    [5.5 * 3_600_000, '5.5 h'],
    [3 * 86_400_000, '3.0 d'],
  ])('%s ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
