import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';

/**
 * Child process of the benchmarks: publishes through real TCP connections so the
 * broker and ingest process measures only its own work.
 *
 * argv: url connections messagesPerConnection devices qos
 */
const [url, connArg, perConnArg, devicesArg, qosArg] = process.argv.slice(2);
const connections = Number(connArg);
const perConnection = Number(perConnArg);
const devices = Number(devicesArg);
const qos = qosArg === '1' ? 1 : 0;
const t0 = Date.now() - 86_400_000;
/** Passwords of the gateway client ids, when the broker authenticates (BENCH_PASSWORDS, JSON). */
const passwords = JSON.parse(process.env.BENCH_PASSWORDS || '{}') as Record<string, string>;

async function run(index: number): Promise<void> {
  const clientId = `gw-bench-${index}`;
  const client: MqttClient = mqtt.connect(url, {
    clientId,
    username: passwords[clientId] ? clientId : undefined,
    password: passwords[clientId],
    reconnectPeriod: 0,
  });
  await new Promise((resolve) => client.once('connect', resolve));
  for (let i = 0; i < perConnection; i++) {
    const n = index * perConnection + i;
    const deviceId = `bench-${String(n % devices).padStart(5, '0')}`; // as benchDevices() names them
    const payload = JSON.stringify({
      ts: t0 + n,
      gauges: { 'fuser.temp_c': 180 + (n % 10), 'toner.black_pct': 50, 'motor.current_a': 1.2 },
      counters: { 'pages.total': n },
    });
    // respect the socket: wait for the write when the buffer is full
    if (!client.stream.writableNeedDrain)
      client.publish(deviceTopic(deviceId, 'telemetry'), payload, { qos });
    else await client.publishAsync(deviceTopic(deviceId, 'telemetry'), payload, { qos });
  }
  await client.endAsync();
}

const started = Date.now();
await Promise.all(Array.from({ length: connections }, (_, i) => run(i)));
process.send?.({ done: true, seconds: (Date.now() - started) / 1000 });
