/** How presence is derived when no last will says so (the broker went down with the service). */
export interface PresenceRule {
  /** Silent for this many reporting intervals: offline. */
  offlineAfterIntervals: number;
  /** The interval of a device that declared none. */
  defaultIntervalMs: number;
}

export interface PresenceInput {
  online: boolean | null;
  /** Receive time of its latest message, ms. */
  lastSeen: number;
  reportingIntervalMs: number | null;
}

/** The time after which a device that sent nothing more counts as offline. */
export function silentAfter(device: PresenceInput, rule: PresenceRule): number {
  return (
    device.lastSeen + rule.offlineAfterIntervals * (device.reportingIntervalMs ?? rule.defaultIntervalMs)
  );
}

/**
 * Whether the presence sweep takes a device offline at `now`: it is online and
 * has sent nothing for `offlineAfterIntervals` of its reporting interval. Pure:
 * coming back online is data's doing (the device repository's touch).
 */
export function goesOffline(device: PresenceInput, rule: PresenceRule, now: number): boolean {
  return device.online === true && now > silentAfter(device, rule);
}
