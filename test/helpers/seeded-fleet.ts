import { join } from 'node:path';
import { SimulatorRunner } from '../../device-simulator/simulator-runner.js';
import { IngestMetrics } from '../../src/ingest/ingest.metrics.js';
import { KpiLedgerService } from '../../src/reliability/kpi-ledger.service.js';
import { readTruth, registerFleetFromTruth } from './registry-from-truth.js';
import { eventually, type TestApp } from './test-app.js';

const DAY = 86_400_000;

export interface SeededFleet {
  devices: number;
  failures: number;
  /** Simulated start of the history, ms. */
  start: number;
}

/**
 * A fleet with history, as an OEM has one: the simulator in history mode publishes
 * `days` of it over MQTT to the app (hourly steps), the registry gets its customers,
 * sites (with coordinates) and devices from the ground truth, and the KPI ledger is
 * brought up to date. The browser tests and the console benchmark start from it.
 */
export async function seedFleet(
  app: TestApp,
  o: { devices: number; days: number; seed?: number; failureRateMultiplier?: number },
): Promise<SeededFleet> {
  const truthFile = join(app.dataDir, 'truth.jsonl');
  const start = Math.floor((Date.now() - o.days * DAY) / 3_600_000) * 3_600_000;
  const runner = new SimulatorRunner({
    url: app.mqttUrl,
    devices: o.devices,
    customers: Math.max(2, Math.ceil(o.devices / 5)),
    seed: o.seed ?? 7,
    start,
    durationMs: o.days * DAY,
    speed: 'max',
    stepMs: 3_600_000,
    qos: 1,
    gateways: 0,
    // each simulated device obtains its MQTT credentials with a provisioning key, as in the field
    provisioningKey: await app.simulatorProvisioningKey(),
    truthFile,
    overuseShare: 0.2,
    misuseShare: 0.1,
    failureRateMultiplier: o.failureRateMultiplier ?? 20,
    bufferLimit: 10_000,
    progress: false,
  });
  const summary = await runner.run();
  const truth = readTruth(truthFile);
  await registerFleetFromTruth(app, truth);
  // everything published is in once ingest has received it all and its queue is empty
  const metrics = app.app.get(IngestMetrics);
  await eventually(
    async () => {
      const received = (await metrics.messagesReceived.get()).values.reduce((n, v) => n + v.value, 0);
      const queued = metrics.queueDepth;
      return received >= summary.messages && queued === 0 ? true : undefined;
    },
    120_000,
    'the seeded history stored',
  );
  await app.app.get(KpiLedgerService).refresh();
  return { devices: o.devices, failures: summary.failures, start };
}
