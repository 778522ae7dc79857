import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import {
  GATEWAY_CLIENT_PREFIX,
  deviceTopic,
  type DeviceEvent,
  type TelemetrySample,
} from '../src/contract/index.js';

/**
 * A small simulated fleet that publishes through MQTT like real devices: birth and
 * last will, telemetry (gauges and counters), and the odd fault. A stub: the
 * device-simulator issue replaces it with a realistic fleet with ground truth.
 */
const HELP = `Usage: simulate [options]
  --url URL          broker (default mqtt://127.0.0.1:1883)
  --devices N        number of devices (default 25)
  --interval MS      milliseconds between samples of one device (default 5000)
  --duration MS      stop after this long (default: run until interrupted)
  --seed N           random seed (default 1)
  --shared           one gateway connection for all devices instead of one per device
  --qos 0|1          QoS of telemetry (default 0; events and status use 1)
  --help             this text`;

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    devices: { type: 'string', default: '25' },
    interval: { type: 'string', default: '5000' },
    duration: { type: 'string' },
    seed: { type: 'string', default: '1' },
    shared: { type: 'boolean', default: false },
    qos: { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const count = Number(args.devices);
const intervalMs = Number(args.interval);
const qos = args.qos === '1' ? 1 : 0;
for (const [name, value] of [
  ['--devices', count],
  ['--interval', intervalMs],
] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a positive integer\n\n${HELP}`);
    process.exit(2);
  }
}

// mulberry32: small, seedable, good enough for a stub
let state = Number(args.seed) >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const MODELS = ['MFP-C300', 'MFP-C500', 'PRO-9000'];

interface Device {
  id: string;
  model: string;
  pages: number;
  toner: number;
  client: MqttClient;
}

function connect(clientId: string, will?: string): MqttClient {
  return mqtt.connect(args.url, {
    clientId,
    reconnectPeriod: 2000,
    protocolVersion: 4,
    will: will
      ? {
          topic: deviceTopic(will, 'status'),
          payload: Buffer.from('{"state":"offline"}'),
          qos: 1,
          retain: true,
        }
      : undefined,
  });
}

const gateway = args.shared ? connect(`${GATEWAY_CLIENT_PREFIX}simulator-${process.pid}`) : null;
const devices: Device[] = Array.from({ length: count }, (_, i) => {
  const id = `sim-${String(i + 1).padStart(5, '0')}`;
  return {
    id,
    model: MODELS[i % MODELS.length],
    pages: Math.floor(random() * 500_000),
    toner: 20 + random() * 80,
    client: gateway ?? connect(id, id),
  };
});

let published = 0;
const publish = (d: Device, kind: 'telemetry' | 'events' | 'status', body: unknown, q: 0 | 1): void => {
  d.client.publish(deviceTopic(d.id, kind), JSON.stringify(body), { qos: q, retain: kind === 'status' });
  published++;
};

for (const d of devices) {
  const birth = (): void =>
    publish(d, 'status', { ts: Date.now(), state: 'online', model: d.model, firmware: '1.0.0' }, 1);
  if (d.client.connected) birth();
  d.client.on('connect', birth);
}

function tick(d: Device): void {
  const ts = Date.now();
  d.pages += Math.floor(random() * 20);
  d.toner = d.toner < 3 ? 100 : d.toner - random() * 0.2;
  const sample: TelemetrySample = {
    ts,
    gauges: { 'fuser.temp_c': 180 + random() * 8, 'toner.black_pct': Math.round(d.toner * 10) / 10 },
    counters: { 'pages.total': d.pages },
  };
  publish(d, 'telemetry', sample, qos);
  if (random() < 0.01) {
    const event: DeviceEvent = {
      ts,
      type: 'fault.raised',
      code: 'J-101',
      component: 'pickup_roller',
      severity: 'minor',
    };
    publish(d, 'events', event, 1);
  }
}

const timers = devices.map((d, i) =>
  setTimeout(
    () => {
      tick(d);
      timers[i] = setInterval(() => tick(d), intervalMs);
    },
    Math.floor((i / count) * intervalMs),
  ),
);

const stop = (): void => {
  for (const t of timers) clearTimeout(t);
  for (const c of new Set(devices.map((d) => d.client))) c.end();
  console.log(`simulator: ${count} devices, ${published} messages published`);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
if (args.duration) setTimeout(stop, Number(args.duration));
console.log(`simulator: ${count} devices → ${args.url}, one sample every ${intervalMs} ms each`);
