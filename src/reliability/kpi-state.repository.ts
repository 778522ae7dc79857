/** What the KPI ledger remembers of a device between runs. */
export interface KpiDeviceState {
  /** Install, removal, model, site and customer as last computed: a change recomputes the device. */
  scopeKey: string;
  /**
   * What the ledger carries to its next run for this device (open episodes, visits in
   * progress, the usage baseline), as JSON the ledger alone reads; null: recompute it.
   */
  carry: string | null;
}

/**
 * Bookkeeping of the incremental KPI computation: how far it has got, and which
 * devices received data for days already computed (late data, history imports).
 */
export interface KpiStateRepository {
  /** Devices to recompute from the given time (the earliest mark wins). */
  markDirty(fromByDevice: ReadonlyMap<string, number>): Promise<void>;
  /** The marks, cleared. */
  takeDirty(): Promise<Map<string, number>>;
  /** Computed up to this time; null before the first run. */
  watermark(): Promise<number | null>;
  deviceStates(): Promise<Map<string, KpiDeviceState>>;
  /** Records a finished run: the new watermark and every device's state. */
  saveRun(watermark: number, states: ReadonlyMap<string, KpiDeviceState>): Promise<void>;
  /** Forget everything: the next run recomputes all history. */
  reset(): Promise<void>;
}

export const KPI_STATE_REPOSITORY = Symbol('KpiStateRepository');
