import type { FaultSeverity } from '../src/contract/index.js';

/**
 * The simulator's equipment catalog: models, their components with life
 * distributions, sensors, consumables, and the fault-code table. Documented in
 * docs/simulator.md; edit here to add a model.
 */

export type UsageUnit = 'pages' | 'hours';

export interface FaultCode {
  code: string;
  symptom: string;
  /** The component a technician should suspect; null when the user caused it. */
  likelyComponent: string | null;
  severity: FaultSeverity;
}

export interface ComponentSpec {
  name: string;
  /** Weibull life in the model's usage unit (pages or run hours). */
  life: { shape: number; scale: number };
  /** The fault raised when it fails. */
  failureCode: string;
  /**
   * Warning signs before failure: with `probability`, from `leadFraction` (drawn
   * uniformly in the range) of the life before the end, a gauge drifts and/or a
   * minor fault code shows up more and more often. The rest fail without warning.
   */
  precursor?: {
    probability: number;
    leadFraction: [number, number];
    gauge?: { name: string; drift: number; extraNoise: number };
    faultCode?: string;
    /** Minor faults per usage unit at the end of the lead (rising linearly from 0). */
    faultRate?: number;
  };
  /** Preventive maintenance replaces it when its age passes this share of its life scale. */
  pmReplaceAt: number;
}

export interface GaugeSpec {
  name: string;
  base: number;
  noise: number;
  /** Gauges that follow usage intensity (motor current, supply temperature in use). */
  loadEffect?: number;
}

export interface ConsumableSpec {
  name: string;
  /** Usage units one full consumable lasts. */
  capacity: number;
  /** Gauge reporting its level in percent. */
  gauge: string;
}

export interface EquipmentModel {
  id: string;
  kind: 'copier' | 'hvac';
  name: string;
  /** What an upgrade offer would be. */
  successor: string;
  usage: {
    unit: UsageUnit;
    /** Rated monthly duty cycle in the usage unit. */
    ratedMonthly: number;
    /** Most usage units one hour can hold (pages per minute × 60, or 1 run hour). */
    maxPerHour: number;
  };
  gauges: GaugeSpec[];
  components: ComponentSpec[];
  consumables: ConsumableSpec[];
  /** Preventive-maintenance interval: whichever comes first. */
  pmEvery: { usage: number; days: number };
  /** Minor faults from misuse per usage unit (wrong media → jams; lids left open). */
  misuseFaults: Array<{ code: string; ratePerUnit: number }>;
}

export const FAULT_CODES: readonly FaultCode[] = [
  { code: 'J-101', symptom: 'Paper jam at the pickup', likelyComponent: 'pickup_roller', severity: 'minor' },
  {
    code: 'J-102',
    symptom: 'Repeated misfeeds: no sheet picked',
    likelyComponent: 'pickup_roller',
    severity: 'machine-down',
  },
  {
    code: 'J-110',
    symptom: 'Jam in the paper path (unsupported media)',
    likelyComponent: null,
    severity: 'minor',
  },
  { code: 'C-001', symptom: 'Cover or lid left open', likelyComponent: null, severity: 'minor' },
  {
    code: 'F-302',
    symptom: 'Fuser slow to warm up, temperature unstable',
    likelyComponent: 'fuser',
    severity: 'minor',
  },
  {
    code: 'F-301',
    symptom: 'Fuser temperature out of range',
    likelyComponent: 'fuser',
    severity: 'machine-down',
  },
  {
    code: 'IQ-204',
    symptom: 'Black marks or streaks on copies',
    likelyComponent: 'transfer_roller',
    severity: 'minor',
  },
  {
    code: 'IQ-210',
    symptom: 'Transfer failure: blank or smeared pages',
    likelyComponent: 'transfer_roller',
    severity: 'machine-down',
  },
  {
    code: 'IQ-301',
    symptom: 'Spots or grey background on copies',
    likelyComponent: 'drum',
    severity: 'minor',
  },
  { code: 'D-401', symptom: 'Drum at end of life, faint output', likelyComponent: 'drum', severity: 'major' },
  {
    code: 'M-501',
    symptom: 'Main motor overcurrent',
    likelyComponent: 'main_motor',
    severity: 'machine-down',
  },
  {
    code: 'E-900',
    symptom: 'Controller board not responding',
    likelyComponent: 'main_board',
    severity: 'machine-down',
  },
  { code: 'H-102', symptom: 'Compressor current high', likelyComponent: 'compressor', severity: 'minor' },
  {
    code: 'H-101',
    symptom: 'Compressor tripped on overcurrent',
    likelyComponent: 'compressor',
    severity: 'machine-down',
  },
  { code: 'H-202', symptom: 'Supply fan vibration high', likelyComponent: 'fan_motor', severity: 'minor' },
  {
    code: 'H-201',
    symptom: 'Supply fan motor failed',
    likelyComponent: 'fan_motor',
    severity: 'machine-down',
  },
  { code: 'H-302', symptom: 'Belt slipping (squeal, vibration)', likelyComponent: 'belt', severity: 'minor' },
  { code: 'H-301', symptom: 'Belt broken, no airflow', likelyComponent: 'belt', severity: 'machine-down' },
  { code: 'H-401', symptom: 'Filter clogged, airflow low', likelyComponent: 'filter', severity: 'major' },
];

export const FAULT_CODE_BY_CODE: ReadonlyMap<string, FaultCode> = new Map(
  FAULT_CODES.map((f) => [f.code, f]),
);

/** Copier components, lives scaled by a model's duty class. */
function copierComponents(scale: number): ComponentSpec[] {
  return [
    {
      name: 'pickup_roller',
      life: { shape: 2.5, scale: 150_000 * scale },
      failureCode: 'J-102',
      precursor: { probability: 0.85, leadFraction: [0.1, 0.3], faultCode: 'J-101', faultRate: 1 / 2_000 },
      pmReplaceAt: 0.6,
    },
    {
      name: 'fuser',
      life: { shape: 3, scale: 300_000 * scale },
      failureCode: 'F-301',
      precursor: {
        probability: 0.8,
        leadFraction: [0.05, 0.2],
        gauge: { name: 'fuser.temp_c', drift: -12, extraNoise: 6 },
        faultCode: 'F-302',
        faultRate: 1 / 10_000,
      },
      pmReplaceAt: 0.7,
    },
    {
      name: 'transfer_roller',
      life: { shape: 2.2, scale: 200_000 * scale },
      failureCode: 'IQ-210',
      precursor: { probability: 0.9, leadFraction: [0.1, 0.35], faultCode: 'IQ-204', faultRate: 1 / 4_000 },
      pmReplaceAt: 0.6,
    },
    {
      name: 'drum',
      life: { shape: 4, scale: 120_000 * scale },
      failureCode: 'D-401',
      precursor: { probability: 0.95, leadFraction: [0.1, 0.25], faultCode: 'IQ-301', faultRate: 1 / 5_000 },
      pmReplaceAt: 0.75,
    },
    {
      name: 'main_motor',
      life: { shape: 1.8, scale: 900_000 * scale },
      failureCode: 'M-501',
      precursor: {
        probability: 0.6,
        leadFraction: [0.05, 0.15],
        gauge: { name: 'motor.current_a', drift: 0.8, extraNoise: 0.1 },
      },
      pmReplaceAt: 2,
    },
    // electronics: random failures, no warning, no use in replacing early
    {
      name: 'main_board',
      life: { shape: 1, scale: 2_500_000 * scale },
      failureCode: 'E-900',
      pmReplaceAt: 99,
    },
  ];
}

function copierGauges(): GaugeSpec[] {
  return [
    { name: 'fuser.temp_c', base: 182, noise: 1.5 },
    { name: 'motor.current_a', base: 1.2, noise: 0.05, loadEffect: 0.3 },
    { name: 'toner.black_pct', base: 0, noise: 0 },
  ];
}

export const MODELS: readonly EquipmentModel[] = [
  {
    id: 'DT-200',
    kind: 'copier',
    name: 'Desktop printer-copier, 20 ppm',
    successor: 'MFP-C300',
    usage: { unit: 'pages', ratedMonthly: 3_000, maxPerHour: 1_200 },
    gauges: copierGauges(),
    // all-in-one cartridge: the drum is part of the consumable, and there is no separate main motor
    components: copierComponents(0.25).filter((c) => c.name !== 'drum' && c.name !== 'main_motor'),
    consumables: [{ name: 'toner.black', capacity: 3_000, gauge: 'toner.black_pct' }],
    pmEvery: { usage: 25_000, days: 365 },
    misuseFaults: [
      { code: 'J-110', ratePerUnit: 1 / 300 },
      { code: 'C-001', ratePerUnit: 1 / 800 },
    ],
  },
  {
    id: 'MFP-C300',
    kind: 'copier',
    name: 'Office multifunction, 35 ppm',
    successor: 'MFP-C500',
    usage: { unit: 'pages', ratedMonthly: 20_000, maxPerHour: 2_100 },
    gauges: copierGauges(),
    components: copierComponents(1),
    consumables: [{ name: 'toner.black', capacity: 15_000, gauge: 'toner.black_pct' }],
    pmEvery: { usage: 80_000, days: 180 },
    misuseFaults: [
      { code: 'J-110', ratePerUnit: 1 / 600 },
      { code: 'C-001', ratePerUnit: 1 / 2_000 },
    ],
  },
  {
    id: 'MFP-C500',
    kind: 'copier',
    name: 'Office multifunction, 55 ppm',
    successor: 'PRO-9000',
    usage: { unit: 'pages', ratedMonthly: 50_000, maxPerHour: 3_300 },
    gauges: copierGauges(),
    components: copierComponents(1.8),
    consumables: [{ name: 'toner.black', capacity: 35_000, gauge: 'toner.black_pct' }],
    pmEvery: { usage: 150_000, days: 180 },
    misuseFaults: [
      { code: 'J-110', ratePerUnit: 1 / 800 },
      { code: 'C-001', ratePerUnit: 1 / 3_000 },
    ],
  },
  {
    id: 'PRO-9000',
    kind: 'copier',
    name: 'Production printer, 100 ppm',
    successor: 'PRO-9500',
    usage: { unit: 'pages', ratedMonthly: 300_000, maxPerHour: 6_000 },
    gauges: copierGauges(),
    components: copierComponents(6),
    consumables: [{ name: 'toner.black', capacity: 100_000, gauge: 'toner.black_pct' }],
    pmEvery: { usage: 600_000, days: 90 },
    misuseFaults: [{ code: 'J-110', ratePerUnit: 1 / 5_000 }],
  },
  {
    id: 'RT-50',
    kind: 'hvac',
    name: 'Rooftop HVAC unit, 50 kW',
    successor: 'RT-60',
    usage: { unit: 'hours', ratedMonthly: 500, maxPerHour: 1 },
    gauges: [
      { name: 'supply_air.temp_c', base: 14, noise: 0.4, loadEffect: -2 },
      { name: 'compressor.current_a', base: 38, noise: 0.8, loadEffect: 6 },
      { name: 'fan.vibration_mm_s', base: 2.1, noise: 0.15 },
      { name: 'filter.remaining_pct', base: 0, noise: 0 },
    ],
    components: [
      {
        name: 'compressor',
        life: { shape: 2, scale: 40_000 },
        failureCode: 'H-101',
        precursor: {
          probability: 0.7,
          leadFraction: [0.05, 0.15],
          gauge: { name: 'compressor.current_a', drift: 9, extraNoise: 1.5 },
          faultCode: 'H-102',
          faultRate: 1 / 200,
        },
        pmReplaceAt: 5,
      },
      {
        name: 'fan_motor',
        life: { shape: 2.5, scale: 25_000 },
        failureCode: 'H-201',
        precursor: {
          probability: 0.8,
          leadFraction: [0.08, 0.2],
          gauge: { name: 'fan.vibration_mm_s', drift: 4, extraNoise: 0.4 },
          faultCode: 'H-202',
          faultRate: 1 / 300,
        },
        pmReplaceAt: 0.8,
      },
      {
        name: 'belt',
        life: { shape: 3, scale: 6_000 },
        failureCode: 'H-301',
        precursor: {
          probability: 0.75,
          leadFraction: [0.1, 0.3],
          gauge: { name: 'fan.vibration_mm_s', drift: 1.5, extraNoise: 0.3 },
          faultCode: 'H-302',
          faultRate: 1 / 150,
        },
        pmReplaceAt: 0.6,
      },
    ],
    consumables: [{ name: 'filter', capacity: 1_500, gauge: 'filter.remaining_pct' }],
    pmEvery: { usage: 1_500, days: 90 },
    misuseFaults: [],
  },
];

export const MODEL_BY_ID: ReadonlyMap<string, EquipmentModel> = new Map(MODELS.map((m) => [m.id, m]));
