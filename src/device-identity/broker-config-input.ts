import type { BrokerConfigInput } from './broker-config.js';
import type { DeviceIdentityRepository } from './device-identity.repository.js';
import type { MqttCredential, ProvisioningKey } from './device-identity.js';

/** Device ids of one customer in the registry (at its sites), all pages. */
export type RegistryDevicesOf = (customerId: string) => Promise<string[]>;

export async function allCredentials(repo: DeviceIdentityRepository): Promise<MqttCredential[]> {
  const all: MqttCredential[] = [];
  let after: string | undefined;
  do {
    const page = await repo.listCredentials({ after, limit: 1000 });
    all.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return all;
}

/**
 * Devices of a gateway's customer: those the registry puts at the customer's sites,
 * and those a per-customer provisioning key provisioned.
 */
export async function customerDevices(
  customerId: string,
  credentials: readonly MqttCredential[],
  registryDevicesOf: RegistryDevicesOf,
): Promise<string[]> {
  const ids = new Set(await registryDevicesOf(customerId));
  for (const c of credentials) if (c.kind === 'device' && c.customerId === customerId) ids.add(c.id);
  return [...ids].sort();
}

/** Everything the external-broker configuration is made of, read from the records. */
export async function brokerConfigInput(
  repo: DeviceIdentityRepository,
  registryDevicesOf: RegistryDevicesOf,
  service: { username: string; secretHash: string },
  shareGroups: BrokerConfigInput['shareGroups'],
  now: number,
): Promise<BrokerConfigInput> {
  const credentials = await allCredentials(repo);
  const provisioningKeys: ProvisioningKey[] = await repo.listProvisioningKeys();
  const byCustomer = new Map<string, string[]>();
  const gatewayDevices = new Map<string, string[]>();
  for (const c of credentials) {
    if (c.kind !== 'gateway' || c.customerId === null) continue;
    if (!byCustomer.has(c.customerId))
      byCustomer.set(c.customerId, await customerDevices(c.customerId, credentials, registryDevicesOf));
    gatewayDevices.set(c.id, byCustomer.get(c.customerId)!);
  }
  return { credentials, customerDevices: gatewayDevices, provisioningKeys, service, shareGroups, now };
}
