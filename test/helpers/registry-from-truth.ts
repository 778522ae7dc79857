import { readFileSync } from 'node:fs';
import { catalogAsRegistryModels, truthAsRegistryRecords } from '../../device-simulator/registry-export.js';
import type { TruthRecord } from '../../device-simulator/ground-truth.js';
import type { TestApp } from './test-app.js';

export function readTruth(file: string): TruthRecord[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TruthRecord);
}

/** A simulated fleet as registry records: models, customers, sites (floors as departments), devices. */
export function registryRecordsFromTruth(
  truth: readonly TruthRecord[],
): Array<['models' | 'customers' | 'sites' | 'devices', unknown[]]> {
  return [['models', catalogAsRegistryModels()], ...truthAsRegistryRecords(truth)];
}

/**
 * Registers a simulated fleet the way an OEM onboards one: its models, customers,
 * sites and devices through the registry's bulk import.
 */
export async function registerFleetFromTruth(app: TestApp, truth: TruthRecord[]): Promise<void> {
  for (const [collection, records] of registryRecordsFromTruth(truth)) {
    const res = await app.request<{ rejected: number; errors: unknown[] }>(
      'POST',
      `/api/v1/registry/${collection}/import`,
      records,
    );
    if (res.status !== 200 || res.body.rejected > 0)
      throw new Error(`registering ${collection} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
