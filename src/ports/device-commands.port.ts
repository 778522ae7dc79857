import type { MaintenanceCommand } from '../contract/index.js';

/**
 * Tells a device what was done to it (platform → device), on its command topic
 * `fleet/v1/{deviceId}/commands`. Implemented over MQTT in infrastructure/broker;
 * features never import an MQTT client.
 */
export interface DeviceCommandSender {
  /**
   * Sends one command (QoS 1); resolves when the broker has it, rejects when it could
   * not be handed over in time (the caller keeps it and tries again later).
   */
  send(deviceId: string, command: MaintenanceCommand): Promise<void>;
}

export const DEVICE_COMMANDS = Symbol('DeviceCommands');
