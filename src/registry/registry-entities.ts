import { calendarTimeMs } from '../common/calendar-time.js';

/**
 * The fleet registry's records and their JSON Schemas (draft-07, compiled once by
 * the registry service). Dates are `YYYY-MM-DD` (midnight UTC) or RFC 3339.
 */

export const REGISTRY_ENTITIES = ['customers', 'sites', 'models', 'devices'] as const;
export type RegistryEntity = (typeof REGISTRY_ENTITIES)[number];

export const CONTRACT_TYPES = ['warranty', 'full-service', 'time-and-materials'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const EQUIPMENT_KINDS = ['copier', 'printer', 'hvac', 'industrial', 'other'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const USAGE_UNITS = ['pages', 'hours'] as const;
export type UsageUnit = (typeof USAGE_UNITS)[number];

/** How a device came into the registry. */
export const REGISTRATION_SOURCES = ['api', 'import', 'birth'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export interface Customer {
  customerId: string;
  name: string;
  country?: string;
  contactEmail?: string;
}

export interface Site {
  siteId: string;
  customerId: string;
  name: string;
  address?: string;
  lat?: number;
  lon?: number;
  /** Departments or floors devices can be placed on. */
  departments?: string[];
}

export interface ModelComponent {
  name: string;
  /** Expected life in the model's usage unit (pages or run hours), when known. */
  expectedLife?: number;
}

/** A line of a model's fault table: the diagnosis' prior (see docs/work-orders.md). */
export interface ModelFaultCode {
  code: string;
  symptom: string;
  /** The part a technician should suspect; null when the user causes it (wrong media, a lid left open). */
  likelyComponent: string | null;
  severity: 'minor' | 'major' | 'machine-down';
}

export interface EquipmentModel {
  modelId: string;
  name: string;
  kind: EquipmentKind;
  usageUnit: UsageUnit;
  /** Counter that measures usage: `pages.total` for copiers, `run_hours` otherwise. */
  usageMetric: string;
  /** Rated monthly duty cycle, in the usage unit, when known. */
  ratedMonthlyDuty?: number;
  successorModelId?: string;
  components: ModelComponent[];
  /** The fault codes the model raises; optional. */
  faultCodes?: ModelFaultCode[];
}

export interface Device {
  deviceId: string;
  serial?: string;
  modelId: string;
  siteId?: string;
  /** Department or floor within the site. */
  department?: string;
  installDate: string;
  /** Taken out of service; KPIs stop counting it then. */
  removedDate?: string;
  warrantyEnd?: string;
  /** The service contract, when known (KPIs do not need it). */
  contractType?: ContractType;
  contractEnd?: string;
  registeredBy: RegistrationSource;
}

export interface RegistryRecords {
  customers: Customer;
  sites: Site;
  models: EquipmentModel;
  devices: Device;
}

/** The identifier field of each entity. */
export const ID_FIELD: { [E in RegistryEntity]: keyof RegistryRecords[E] & string } = {
  customers: 'customerId',
  sites: 'siteId',
  models: 'modelId',
  devices: 'deviceId',
};

/** References checked on write: field → entity it must name. */
export const REFERENCES: {
  [E in RegistryEntity]: Array<[keyof RegistryRecords[E] & string, RegistryEntity]>;
} = {
  customers: [],
  sites: [['customerId', 'customers']],
  models: [],
  devices: [
    ['modelId', 'models'],
    ['siteId', 'sites'],
  ],
};

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const ID = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$' };
const TEXT = { type: 'string', minLength: 1, maxLength: 200 };
const DATE = { type: 'string', pattern: DATE_PATTERN, maxLength: 40 };

export const REGISTRY_SCHEMAS = {
  customers: {
    type: 'object',
    additionalProperties: false,
    required: ['customerId', 'name'],
    properties: {
      customerId: ID,
      name: TEXT,
      country: { type: 'string', minLength: 2, maxLength: 64 },
      contactEmail: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 200 },
    },
  },
  sites: {
    type: 'object',
    additionalProperties: false,
    required: ['siteId', 'customerId', 'name'],
    properties: {
      siteId: ID,
      customerId: ID,
      name: TEXT,
      address: { type: 'string', maxLength: 500 },
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
      departments: { type: 'array', maxItems: 200, items: TEXT, uniqueItems: true },
    },
  },
  models: {
    type: 'object',
    additionalProperties: false,
    required: ['modelId', 'name', 'kind', 'usageUnit'],
    properties: {
      modelId: ID,
      name: TEXT,
      kind: { enum: EQUIPMENT_KINDS },
      usageUnit: { enum: USAGE_UNITS },
      usageMetric: { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$', maxLength: 64 },
      ratedMonthlyDuty: { type: 'number', exclusiveMinimum: 0 },
      successorModelId: ID,
      components: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { ...ID, pattern: '^[a-z][a-z0-9_.]*$' },
            expectedLife: { type: 'number', exclusiveMinimum: 0 },
          },
        },
      },
      faultCodes: {
        type: 'array',
        maxItems: 500,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'symptom', 'likelyComponent', 'severity'],
          properties: {
            code: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$' },
            symptom: TEXT,
            likelyComponent: { anyOf: [{ type: 'null' }, { ...ID, pattern: '^[a-z][a-z0-9_.]*$' }] },
            severity: { enum: ['minor', 'major', 'machine-down'] },
          },
        },
      },
    },
  },
  devices: {
    type: 'object',
    additionalProperties: false,
    required: ['deviceId', 'modelId', 'installDate'],
    properties: {
      deviceId: ID,
      serial: { type: 'string', minLength: 1, maxLength: 64 },
      modelId: ID,
      siteId: ID,
      department: TEXT,
      installDate: DATE,
      removedDate: DATE,
      warrantyEnd: DATE,
      contractType: { enum: CONTRACT_TYPES },
      contractEnd: DATE,
      registeredBy: { enum: REGISTRATION_SOURCES },
    },
  },
} as const;

/** Date fields of each entity, checked to be real dates (2026-02-30 is refused). */
export const DATE_FIELDS: { [E in RegistryEntity]: string[] } = {
  customers: [],
  sites: [],
  models: [],
  devices: ['installDate', 'removedDate', 'warrantyEnd', 'contractEnd'],
};

/** `YYYY-MM-DD` or RFC 3339 to ms since the epoch; NaN when it is not a real date (2026-02-30). */
export function registryDateMs(value: string): number {
  return calendarTimeMs(value);
}

/** The usage counter of a model that names none. */
export function defaultUsageMetric(unit: UsageUnit): string {
  return unit === 'pages' ? 'pages.total' : 'run_hours';
}

/** A registered device with what KPIs group it by. */
export interface DeviceScope {
  deviceId: string;
  modelId: string;
  siteId: string | null;
  customerId: string | null;
  installDate: string;
  removedDate: string | null;
}
