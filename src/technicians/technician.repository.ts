import type { PayLine } from './pay-statement.js';
import type {
  CertificationRequirement,
  EmploymentType,
  Technician,
  TechnicianChange,
  TechnicianStatus,
} from './technician.js';

export interface TechnicianListQuery {
  status?: readonly TechnicianStatus[];
  employment?: EmploymentType;
  limit: number;
  /** Technicians after this id (ids in byte order). */
  after?: string;
}

/**
 * Technicians, their history and the certification requirements of work. Updates
 * are compare-and-set on the version, so two replicas (a person's edit and the
 * certification job) never overwrite each other. Spec:
 * `test/contract/technician.contract.ts`.
 */
export interface TechnicianRepository {
  /** False, and nothing stored, when the id exists. */
  insert(t: Technician, change: TechnicianChange): Promise<boolean>;
  /** Replaces the record and appends the changes when the stored version is `expectedVersion`. */
  update(t: Technician, expectedVersion: number, changes: readonly TechnicianChange[]): Promise<boolean>;
  get(id: string): Promise<Technician | null>;
  /** A page by id. */
  list(q: TechnicianListQuery): Promise<Technician[]>;
  /** Every technician in these statuses, by id: the roster dispatch and the certification job read. */
  inStatus(status: readonly TechnicianStatus[]): Promise<Technician[]>;
  /** Every kept change, oldest first. */
  history(id: string): Promise<TechnicianChange[]>;
  requirements(): Promise<CertificationRequirement[]>;
  /** Replaces every requirement at once. */
  replaceRequirements(all: readonly CertificationRequirement[]): Promise<void>;
}

/** Pay lines: one per order and completion (a rework completed again is paid again). */
export interface PayLineRepository {
  /** False when that completion has its line already (the event came twice). */
  add(line: PayLine): Promise<boolean>;
  /** The technician's lines completed in [from, to), oldest first. */
  between(technicianId: string, from: number, to: number): Promise<PayLine[]>;
}

export const TECHNICIAN_REPOSITORY = Symbol('TechnicianRepository');
export const PAY_LINE_REPOSITORY = Symbol('PayLineRepository');
