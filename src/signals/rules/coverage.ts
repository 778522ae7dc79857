import type { DeviceFacts } from '../signal-facts.js';

/**
 * Until when the OEM, not the customer, pays for a device's repairs: the warranty, or a
 * full-service contract. Null when nothing is known (no warranty date, no contract).
 * A time-and-materials agreement covers nothing: each visit is billed.
 */
export function coveredUntil(d: DeviceFacts): number | null {
  const ends: number[] = [];
  if (d.warrantyEnd !== null) ends.push(d.warrantyEnd);
  if ((d.contractType === 'full-service' || d.contractType === 'warranty') && d.contractEnd !== null)
    ends.push(d.contractEnd);
  return ends.length ? Math.max(...ends) : null;
}
