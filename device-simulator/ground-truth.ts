import { createWriteStream, type WriteStream } from 'node:fs';
import type { Customer, DeviceSpec, Site } from './fleet.js';
import type { SimulationOptions } from './simulation.js';

/**
 * What really happened in a simulation, one JSON object per line. The platform
 * never reads it; scoring scripts do. Format: docs/simulator.md, "Ground truth".
 * Times are ms since the epoch; usage is in the model's unit (pages or run hours).
 */
export type TruthRecord =
  | { type: 'params'; seed: number; options: SimulationOptions; devices: number }
  | ({ type: 'customer' } & Customer)
  | ({ type: 'site' } & Site)
  | ({ type: 'device'; successor: string } & DeviceSpec)
  | {
      type: 'install';
      deviceId: string;
      component: string;
      ts: number;
      /** Wear already on it (parts in service at the start). */
      age: number;
      /** The life drawn for it: it fails when its age reaches this. */
      life: number;
      /** Weibull scale and shape it was drawn from (scale after overuse and multiplier). */
      lifeScale: number;
      shape: number;
      unit: 'pages' | 'hours';
      /** Age at which warning signs start; null: it fails without warning. */
      precursorAt: number | null;
    }
  | { type: 'wear'; deviceId: string; component: string; ts: number; stage: 'precursor'; leadUnits: number }
  | {
      type: 'failure';
      deviceId: string;
      component: string;
      ts: number;
      code: string;
      severity: string;
      /** wear: end of life; misdiagnosis: a fault that came back after a visit that did not replace the part. */
      cause: 'wear' | 'misdiagnosis';
      age: number;
      /** Its precursor stage had begun (whether or not anything could be seen). */
      warned: boolean;
      /** When this part's precursor stage began; null when it never did. */
      precursorStartTs: number | null;
      /** Precursor fault codes the part raised in its precursor stage before this failure. */
      precursorCodes: number;
      firstPrecursorCodeTs: number | null;
      /**
       * Drift of its precursor gauge (noise-free) at the last sample before the failure and
       * 24 h before it, in the gauge's noise standard deviations; null when the component has
       * no gauge precursor.
       */
      gaugeDrift: number | null;
      gaugeDrift24h: number | null;
      /** For a misdiagnosis return: the failure the visit left unfixed; else null. */
      returnOf: number | null;
    }
  | {
      type: 'repair';
      deviceId: string;
      component: string;
      failureTs: number;
      callTs: number;
      arrivalTs: number;
      finishTs: number;
      responseMs: number;
      repairMs: number;
      /** Failure to restored service; 0 when the machine was never down. */
      downtimeMs: number;
      machineDown: boolean;
      misdiagnosed: boolean;
      visitId: string;
    }
  | {
      type: 'replacement';
      deviceId: string;
      component: string;
      ts: number;
      source: string;
      ageAtReplacement: number;
    }
  | { type: 'pm'; deviceId: string; ts: number; replaced: string[]; source: 'schedule' | 'command' }
  | { type: 'consumable'; deviceId: string; name: string; ts: number };

/** Appends records to a JSON-lines file, buffered. */
export class GroundTruthWriter {
  private readonly stream: WriteStream;
  private lines: string[] = [];
  count = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  write(record: TruthRecord): void {
    this.lines.push(JSON.stringify(record));
    this.count++;
    if (this.lines.length >= 1000) this.flush();
  }

  flush(): void {
    if (!this.lines.length) return;
    this.stream.write(this.lines.join('\n') + '\n');
    this.lines = [];
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}
