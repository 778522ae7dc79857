import { generateFleet } from '../../device-simulator/fleet.js';
import type { TruthRecord } from '../../device-simulator/ground-truth.js';
import { FleetSimulation } from '../../device-simulator/simulation.js';
import type { DeviceEvent } from '../../src/contract/index.js';
import type { EventRecord } from '../../src/ports/records.js';

export interface SimulatedFleetOptions {
  seed: number;
  devices: number;
  start: number;
  days: number;
  failureRateMultiplier: number;
}

/**
 * Runs a simulated fleet in hourly steps and returns the events its devices
 * published, as the platform stores them; ground truth goes to `truth`.
 */
export function simulateFleetEvents(
  o: SimulatedFleetOptions,
  truth: (r: TruthRecord) => void,
): EventRecord[] {
  const events: EventRecord[] = [];
  const fleet = generateFleet({
    devices: o.devices,
    customers: 20,
    seed: o.seed,
    start: o.start,
    overuseShare: 0.2,
    misuseShare: 0.1,
  });
  const sim = new FleetSimulation(
    fleet,
    { seed: o.seed, start: o.start, stepMs: 3_600_000, failureRateMultiplier: o.failureRateMultiplier },
    {
      message: (m) => {
        if (m.kind === 'events')
          events.push({ ...(m.payload as DeviceEvent & { ts: number }), deviceId: m.deviceId });
      },
      truth,
    },
  );
  sim.advanceTo(o.start + o.days * 86_400_000);
  return events;
}
