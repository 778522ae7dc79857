import { deviceTopic } from '../src/contract/index.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

interface Seen {
  online: boolean | null;
  reportingIntervalMs: number | null;
}
interface EventPage {
  data: Array<{ type: string; note?: string; ts: number }>;
}

const PRESENCE = {
  PRESENCE_SWEEP_INTERVAL_MS: '100',
  PRESENCE_OFFLINE_AFTER_INTERVALS: '2',
  PRESENCE_DEFAULT_INTERVAL_MS: '60000',
};

const birth = (reportingIntervalMs: number): string =>
  JSON.stringify({ ts: Date.now(), state: 'online', model: 'MFP-C300', reportingIntervalMs });

async function presence(app: TestApp, deviceId: string, online: boolean): Promise<Seen> {
  return eventually(
    async () => {
      const r = await app.get<Seen>(`/api/v1/devices/${deviceId}`);
      return r.status === 200 && r.body.online === online ? r.body : undefined;
    },
    20_000,
    `${deviceId} ${online ? 'online' : 'offline'}`,
  );
}

describe('Presence re-derived from silence', () => {
  it('marks a silent device offline after the configured multiple of its reporting interval, and online again on data', async () => {
    const app = await startTestApp(PRESENCE);
    const device = await connectClient(app.mqttUrl, 'dev-quiet');
    try {
      await device.publishAsync(deviceTopic('dev-quiet', 'status'), birth(1000), { qos: 1, retain: true });
      expect((await presence(app, 'dev-quiet', true)).reportingIntervalMs).toBe(1000);
      // connected, but silent: no last will comes; 2 × 1 s later it is offline
      await presence(app, 'dev-quiet', false);
      // and a device.offline event, as its last will would have left (written just after)
      const event = await eventually(async () => {
        const r = await app.get<EventPage>('/api/v1/devices/dev-quiet/events?type=device.offline');
        return r.body.data[0];
      });
      expect(event.note).toMatch(/^no message for \d+ s \(2 × its 1 s reporting interval\)$/);
      await device.publishAsync(
        deviceTopic('dev-quiet', 'telemetry'),
        JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
      );
      await presence(app, 'dev-quiet', true);
    } finally {
      await device.endAsync();
      await app.stop();
    }
  });

  it('takes a device offline after a restart when its last will died with the broker', async () => {
    const data = tempDir('fleet-presence-');
    try {
      const first = await startTestApp({ ...PRESENCE, PRESENCE_SWEEP_INTERVAL_MS: '0' }, data.path);
      const device = await connectClient(first.mqttUrl, 'dev-restart');
      await device.publishAsync(deviceTopic('dev-restart', 'status'), birth(1000), { qos: 1, retain: true });
      await presence(first, 'dev-restart', true);
      // the service (and its embedded broker) stops under the connected device: no will is heard
      await first.stop();
      device.end(true);

      const second = await startTestApp(PRESENCE, data.path);
      try {
        await presence(second, 'dev-restart', false);
        const offline = await second.get<{ data: unknown[] }>('/api/v1/devices?online=false');
        expect(offline.body.data).toEqual([expect.objectContaining({ deviceId: 'dev-restart' })]);
      } finally {
        await second.stop();
      }
    } finally {
      data.remove();
    }
  });
});
