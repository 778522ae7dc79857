import { loadConfig } from '../src/config/app-config.js';
import { startApp } from '../src/bootstrap.js';
import { deviceTopic } from '../src/contract/index.js';
import { MetricsService } from '../src/infrastructure/metrics/metrics.service.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import mqtt, { type MqttClient } from 'mqtt';
import { linearRegression } from 'simple-statistics';

export interface SoakOptions {
  devices: number;
  minutes: number;
  /** Messages per device per minute. */
  perMinute: number;
  /** Devices per MQTT connection (1: one connection per device). */
  devicesPerConnection: number;
}

export interface SoakResult {
  samples: Array<{ minute: number; rssMb: number; heapMb: number; written: number }>;
  /** Least-squares slope of RSS over the second half, MB per minute. */
  rssSlopeMbPerMin: number;
  messagesPerSecond: number;
}

/** N devices sending on a schedule for M minutes; RSS sampled to show it stays flat. */
export async function fleetSoak(o: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const dir = tempDir('fleet-soak-');
  const running = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir.path,
    }),
  );
  const url = `mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`;
  const metrics = running.app.get(MetricsService);
  const connections = Math.ceil(o.devices / o.devicesPerConnection);
  const clients: MqttClient[] = [];
  for (let c = 0; c < connections; c++) {
    const id = o.devicesPerConnection === 1 ? `soak-${String(c).padStart(5, '0')}` : `gw-soak-${c}`;
    clients.push(mqtt.connect(url, { clientId: id, reconnectPeriod: 1000 }));
    if (c % 500 === 499) await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(
    clients.map((cl) =>
      cl.connected ? Promise.resolve() : new Promise<void>((r) => cl.once('connect', () => r())),
    ),
  );
  log(`soak: ${o.devices} devices on ${connections} connections, ${o.perMinute}/min each, ${o.minutes} min`);

  const periodMs = 60_000 / o.perMinute;
  let sent = 0;
  const timers = Array.from({ length: o.devices }, (_, d) => {
    const client = clients[Math.floor(d / o.devicesPerConnection)];
    const deviceId = `soak-${String(d).padStart(5, '0')}`;
    const send = (): void => {
      const payload = JSON.stringify({
        ts: Date.now(),
        gauges: { 'fuser.temp_c': 180 + (d % 7) },
        counters: { 'pages.total': sent },
      });
      client.publish(deviceTopic(deviceId, 'telemetry'), payload, { qos: 1 });
      sent++;
    };
    // spread devices evenly over the period
    return setTimeout(
      () => {
        send();
        timers[d] = setInterval(send, periodMs);
      },
      (d / o.devices) * periodMs,
    );
  });

  const samples: SoakResult['samples'] = [];
  const started = Date.now();
  const sampleEveryMs = 30_000;
  while (Date.now() - started < o.minutes * 60_000) {
    await new Promise((r) => setTimeout(r, sampleEveryMs));
    global.gc?.();
    const m = process.memoryUsage();
    const written = (await metrics.pointsWritten.get()).values[0]?.value ?? 0;
    const sample = {
      minute: (Date.now() - started) / 60_000,
      rssMb: m.rss / 2 ** 20,
      heapMb: m.heapUsed / 2 ** 20,
      written,
    };
    samples.push(sample);
    log(
      `  t=${sample.minute.toFixed(1)} min  rss=${sample.rssMb.toFixed(1)} MB  heap=${sample.heapMb.toFixed(1)} MB  points=${written}`,
    );
  }
  for (const t of timers) clearTimeout(t);
  await Promise.all(clients.map((c) => c.endAsync()));
  await running.close();
  dir.remove();
  const half = samples.slice(Math.floor(samples.length / 2));
  const slope = half.length >= 2 ? linearRegression(half.map((s) => [s.minute, s.rssMb])).m : 0;
  return { samples, rssSlopeMbPerMin: slope, messagesPerSecond: sent / ((Date.now() - started) / 1000) };
}
