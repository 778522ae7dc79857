import { catalogAsRegistryModels } from '../../device-simulator/registry-export.js';
import type { PredictionAlert } from '../../src/events/domain-events.js';
import type { WorkOrder } from '../../src/work-orders/work-order.js';
import type { WorkOrderDetail } from '../../src/work-orders/work-orders.service.js';
import type { TestApp } from './test-app.js';

export interface TestDevice {
  deviceId: string;
  modelId?: string;
  contractType?: 'warranty' | 'full-service' | 'time-and-materials';
  warrantyEnd?: string;
  contractEnd?: string;
  installDate?: string;
}

/** Jobs run only when a test says so (runNow with the time it wants). */
export const MANUAL_JOBS = {
  WORK_ORDER_SLA_INTERVAL_MS: '0',
  WORK_ORDER_PM_INTERVAL_MS: '0',
  WORK_ORDER_LEARN_INTERVAL_MS: '0',
  KPI_REFRESH_INTERVAL_MS: '0',
};

/** The simulator's models (with their fault tables), one customer and site, and these devices. */
export async function registerDevices(app: TestApp, devices: readonly TestDevice[]): Promise<void> {
  const batches: Array<[string, unknown[]]> = [
    ['models', catalogAsRegistryModels()],
    ['customers', [{ customerId: 'cust-1', name: 'Alder Logistics' }]],
    ['sites', [{ siteId: 'site-1', customerId: 'cust-1', name: 'Lyon office', lat: 45.76, lon: 4.83 }]],
    [
      'devices',
      devices.map((d) => ({
        deviceId: d.deviceId,
        serial: `SN-${d.deviceId}`,
        modelId: d.modelId ?? 'MFP-C300',
        siteId: 'site-1',
        installDate: d.installDate ?? '2024-01-15',
        contractType: d.contractType ?? 'full-service',
        ...(d.warrantyEnd ? { warrantyEnd: d.warrantyEnd } : { warrantyEnd: '2025-01-15' }),
        ...(d.contractEnd ? { contractEnd: d.contractEnd } : {}),
      })),
    ],
  ];
  for (const [collection, records] of batches) {
    const res = await app.request<{ rejected: number }>(
      'POST',
      `/api/v1/registry/${collection}/import`,
      records,
    );
    if (res.status !== 200 || res.body.rejected > 0)
      throw new Error(`registering ${collection}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export function anAlert(
  deviceId: string,
  component: string,
  ts: number,
  over: Partial<PredictionAlert> = {},
): PredictionAlert {
  return {
    deviceId,
    component,
    ts,
    horizonDays: 30,
    probability: 0.72,
    threshold: 0.5,
    remainingDays: 12,
    remainingUsage: 18_000,
    evidence: ['fuser.temp_c 9 °C under its baseline for 5 days', '3 minor F-302 codes in 48 h'],
    modelVersion: 'test-1',
    ...over,
  };
}

export async function ordersOf(app: TestApp, query: string): Promise<WorkOrder[]> {
  const res = await app.get<{ data: WorkOrder[] }>(`/api/v1/work-orders?${query}`);
  if (res.status !== 200) throw new Error(`listing orders: ${res.status} ${res.text}`);
  return res.body.data;
}

export async function detail(app: TestApp, id: string): Promise<WorkOrderDetail> {
  const res = await app.get<WorkOrderDetail>(`/api/v1/work-orders/${id}`);
  if (res.status !== 200) throw new Error(`order ${id}: ${res.status} ${res.text}`);
  return res.body;
}

/** Moves an order through the API; throws with the answer when refused. */
export async function move(app: TestApp, id: string, body: Record<string, unknown>): Promise<WorkOrder> {
  const res = await app.request<WorkOrder>('POST', `/api/v1/work-orders/${id}/transitions`, {
    actor: 'dispatcher:ann',
    ...body,
  });
  if (res.status !== 200) throw new Error(`moving ${id} to ${String(body.to)}: ${res.status} ${res.text}`);
  return res.body;
}
