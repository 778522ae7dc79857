import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Device, EquipmentModel, Site } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import type { FaultTableEntry } from './diagnosis/symptoms.js';

/** What the registry says about the device an order is for. */
export interface DeviceContext {
  deviceId: string;
  device: Device | null;
  model: EquipmentModel | null;
  site: Site | null;
  faultTable: FaultTableEntry[];
}

/** Reads a device's registry records for work orders (through the registry's service, not its tables). */
@Injectable()
export class WorkOrderContext {
  constructor(private readonly registry: RegistryService) {}

  async of(deviceId: string): Promise<DeviceContext> {
    const device = await this.orNull(this.registry.get('devices', deviceId));
    const model = device ? await this.orNull(this.registry.get('models', device.modelId)) : null;
    const site = device?.siteId ? await this.orNull(this.registry.get('sites', device.siteId)) : null;
    return { deviceId, device, model, site, faultTable: model?.faultCodes ?? [] };
  }

  private async orNull<T>(p: Promise<T>): Promise<T | null> {
    try {
      return await p;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
  }
}

/** The part a fault names: the event's own, else the model's fault table's; null when neither says. */
export function faultComponent(
  ctx: DeviceContext,
  code: string | undefined,
  component: string | undefined,
): string | null {
  if (component) return component;
  return ctx.faultTable.find((f) => f.code === code)?.likelyComponent ?? null;
}
