import { MODELS, type EquipmentModel } from './catalog.js';
import { Random } from './random.js';

export type ContractType = 'warranty' | 'full-service' | 'time-and-materials';

export interface Customer {
  customerId: string;
  name: string;
  /** Yearly change of usage: 0.1 grows 10 % a year, −0.05 declines. */
  growthPerYear: number;
}

export interface Site {
  siteId: string;
  customerId: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  floors: string[];
}

export interface DeviceSpec {
  deviceId: string;
  serial: string;
  modelId: string;
  customerId: string;
  siteId: string;
  floor: string;
  installDate: number;
  warrantyEnd: number;
  contract: ContractType;
  contractEnd: number;
  /** Expected monthly use as a share of the rated duty cycle; above 1 is overuse. */
  loadFactor: number;
  overused: boolean;
  /** Wrong media, lids left open: more minor faults, faster pickup wear. */
  misused: boolean;
  firmware: string;
}

export interface Fleet {
  customers: Customer[];
  sites: Site[];
  devices: DeviceSpec[];
}

export interface FleetOptions {
  devices: number;
  customers: number;
  seed: number;
  /** Simulation start, ms since the epoch. */
  start: number;
  /** Share of devices used well above their rated duty cycle. */
  overuseShare: number;
  /** Share of devices misused. */
  misuseShare: number;
  /** Restrict to these models (default: all in the catalog). */
  models?: readonly EquipmentModel[];
  /** All devices installed at the start (no history): for scoring life fits. */
  freshInstall?: boolean;
}

const CITIES = [
  { city: 'Lyon', lat: 45.764, lon: 4.8357 },
  { city: 'Munich', lat: 48.1351, lon: 11.582 },
  { city: 'Milan', lat: 45.4642, lon: 9.19 },
  { city: 'Rotterdam', lat: 51.9244, lon: 4.4777 },
  { city: 'Leeds', lat: 53.8008, lon: -1.5491 },
  { city: 'Porto', lat: 41.1579, lon: -8.6291 },
  { city: 'Gothenburg', lat: 57.7089, lon: 11.9746 },
  { city: 'Kraków', lat: 50.0647, lon: 19.945 },
  { city: 'Valencia', lat: 39.4699, lon: -0.3763 },
  { city: 'Ghent', lat: 51.0543, lon: 3.7174 },
];
const COMPANY_WORDS = [
  'Alder',
  'Brook',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
];
const COMPANY_KINDS = [
  'Logistics',
  'Legal',
  'Clinics',
  'Insurance',
  'Print Shop',
  'Schools',
  'Engineering',
  'Retail',
];
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** Builds a fleet; the same seed and options give the same fleet. */
export function generateFleet(o: FleetOptions): Fleet {
  const rng = new Random(o.seed, 0x5eed);
  const models = o.models ?? MODELS;
  const customers: Customer[] = [];
  const sites: Site[] = [];
  for (let c = 0; c < o.customers; c++) {
    const customerId = `cust-${String(c + 1).padStart(4, '0')}`;
    customers.push({
      customerId,
      name: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)} ${c + 1}`,
      growthPerYear: Math.round(rng.normal(0.03, 0.08) * 1000) / 1000,
    });
    const siteCount = 1 + Math.floor(rng.exponential(1.2));
    for (let s = 0; s < siteCount; s++) {
      const city = rng.pick(CITIES);
      sites.push({
        siteId: `${customerId}-s${s + 1}`,
        customerId,
        name: `${city.city} office`,
        address: `${rng.int(1, 240)} ${rng.pick(['Main', 'Station', 'Harbour', 'Market', 'Park'])} Street, ${city.city}`,
        lat: Math.round((city.lat + rng.normal(0, 0.03)) * 1e5) / 1e5,
        lon: Math.round((city.lon + rng.normal(0, 0.03)) * 1e5) / 1e5,
        floors: Array.from({ length: rng.int(1, 6) }, (_, f) => (f === 0 ? 'ground floor' : `floor ${f}`)),
      });
    }
  }

  const devices: DeviceSpec[] = [];
  for (let d = 0; d < o.devices; d++) {
    const site = sites[Math.floor(rng.next() * sites.length)];
    // most of an installed base is office MFPs; few production machines
    const model = pickModel(rng, models);
    const installDate = o.freshInstall ? o.start : o.start - Math.floor(rng.uniform(0, 4) * YEAR);
    const warrantyEnd = installDate + YEAR;
    const contract: ContractType =
      warrantyEnd > o.start ? 'warranty' : rng.chance(0.65) ? 'full-service' : 'time-and-materials';
    // contracts run for 1 to 3 years; some end during a simulation
    const contractEnd =
      contract === 'warranty' ? warrantyEnd : o.start + Math.floor(rng.uniform(0.1, 3) * YEAR);
    const overused = rng.chance(o.overuseShare);
    devices.push({
      deviceId: `sim-${String(d + 1).padStart(5, '0')}`,
      serial: `${model.id.replace(/[^A-Z0-9]/g, '')}${String(100_000 + rng.int(0, 899_999))}`,
      modelId: model.id,
      customerId: site.customerId,
      siteId: site.siteId,
      floor: rng.pick(site.floors),
      installDate,
      warrantyEnd,
      contract,
      contractEnd,
      loadFactor: Math.round((overused ? rng.uniform(1.4, 2.2) : rng.uniform(0.3, 0.95)) * 1000) / 1000,
      overused,
      misused: rng.chance(o.misuseShare),
      firmware: rng.pick(['3.1.0', '3.1.4', '3.2.0']),
    });
  }
  return { customers, sites, devices };
}

function pickModel(rng: Random, models: readonly EquipmentModel[]): EquipmentModel {
  const weight = (m: EquipmentModel): number =>
    m.kind === 'hvac'
      ? 0.1
      : m.usage.ratedMonthly >= 100_000
        ? 0.05
        : m.usage.ratedMonthly < 5_000
          ? 0.25
          : 0.3;
  const total = models.reduce((s, m) => s + weight(m), 0);
  let x = rng.next() * total;
  for (const m of models) {
    x -= weight(m);
    if (x < 0) return m;
  }
  return models[models.length - 1];
}
