import { readFileSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';

/**
 * Child process of the soak benchmark: one MQTT connection per device (client id =
 * device id, as real devices connect), each publishing `perMinute` samples a minute.
 * In its own process so that both ends of 10,000 sockets don't share one fd limit.
 *
 * argv: url devices perMinute [credentials.json]
 */
const [url, devicesArg, perMinuteArg, credentialsFile] = process.argv.slice(2);
/** Each device's password by device id (a JSON file), when the broker authenticates. */
const passwords = credentialsFile
  ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>)
  : {};
const devices = Number(devicesArg);
const periodMs = 60_000 / Number(perMinuteArg);

const clients: MqttClient[] = [];
for (let d = 0; d < devices; d++) {
  const clientId = `soak-${String(d).padStart(5, '0')}`;
  const password = passwords[clientId];
  clients.push(
    mqtt.connect(url, {
      clientId,
      username: password ? clientId : undefined,
      password,
      reconnectPeriod: 1000,
    }),
  );
  // don't stampede the listener's accept queue
  if (d % 500 === 499) await new Promise((r) => setTimeout(r, 100));
}
await Promise.all(
  clients.map((c) =>
    c.connected ? Promise.resolve() : new Promise<void>((r) => c.once('connect', () => r())),
  ),
);
process.send?.({ connected: devices });

let sent = 0;
clients.forEach((client, d) => {
  const send = (): void => {
    const payload = JSON.stringify({
      ts: Date.now(),
      gauges: { 'fuser.temp_c': 180 + (d % 7) },
      counters: { 'pages.total': sent },
    });
    client.publish(deviceTopic(client.options.clientId!, 'telemetry'), payload, { qos: 1 });
    sent++;
  };
  // spread devices evenly over the period
  setTimeout(
    () => {
      send();
      setInterval(send, periodMs);
    },
    (d / devices) * periodMs,
  );
});
process.on('message', (msg: { stop?: boolean }) => {
  if (msg.stop) {
    process.send?.({ sent });
    process.exit(0);
  }
});
