import {
  checkConnectIds,
  identityKindOf,
  rulePublish,
  ruleSubscribe,
  type MqttIdentity,
  type MqttRefusalReason,
} from './mqtt-access-rules.js';

const device: MqttIdentity = { kind: 'device', id: 'dev-1' };
const gateway: MqttIdentity = {
  kind: 'gateway',
  id: 'gw-site-1',
  devices: new Set(['dev-1', 'dev-2']),
  customerId: null,
};
const customerGateway: MqttIdentity = {
  kind: 'gateway',
  id: 'gw-acme',
  devices: new Set(),
  customerId: 'acme',
};
const service: MqttIdentity = { kind: 'service', id: 'svc-ingest' };
const provisioning: MqttIdentity = { kind: 'provisioning', keyId: 'pk-0a1b2c3d', clientId: 'new-dev' };

describe('checkConnectIds', () => {
  it.each<[string, string, string, 'device' | 'gateway' | 'service' | 'provisioning' | MqttRefusalReason]>([
    ['a device whose client id is its user name', 'dev-1', 'dev-1', 'device'],
    ['a gateway whose client id is its user name', 'gw-site-1', 'gw-site-1', 'gateway'],
    ['a service with any svc- client id', 'svc-ingest-4f2a', 'svc-ingest', 'service'],
    ['a provisioning session with an id of its own', 'new-dev', 'pk-0a1b2c3d', 'provisioning'],
    ['a device using another client id', 'dev-2', 'dev-1', 'client_id_mismatch'],
    ['a device using a gateway client id', 'gw-site-1', 'dev-1', 'client_id_mismatch'],
    ['a gateway using a device client id', 'dev-1', 'gw-site-1', 'client_id_mismatch'],
    ['a service using a device client id', 'dev-1', 'svc-ingest', 'client_id_mismatch'],
    ['a provisioning session posing as a service', 'svc-x', 'pk-0a1b2c3d', 'client_id_mismatch'],
    ['a client id with +', 'dev+1', 'dev+1', 'invalid_username'],
    ['a client id with # (user name clean)', 'dev#', 'dev-1', 'invalid_client_id'],
    ['a client id with / (user name clean)', 'fleet/v1', 'dev-1', 'invalid_client_id'],
    ['a user name with +', 'dev-1', '+', 'invalid_username'],
    ['a user name with #', 'dev-1', '#', 'invalid_username'],
    ['a user name with /', 'dev-1', 'dev/1', 'invalid_username'],
    ['an empty user name', 'dev-1', '', 'invalid_username'],
    ['a device id longer than 64', 'd'.repeat(65), 'd'.repeat(65), 'invalid_username'],
  ])('%s', (_, clientId, username, expected) => {
    const result = checkConnectIds(clientId, username);
    expect(result.ok ? result.kind : result.reason).toBe(expected);
  });

  it('tells identities apart by the prefix of the user name', () => {
    expect(['svc-a', 'gw-a', 'pk-a', 'a'].map(identityKindOf)).toEqual([
      'service',
      'gateway',
      'provisioning',
      'device',
    ]);
  });
});

describe('rulePublish', () => {
  it.each<[string, MqttIdentity, string, 'allow' | 'deny' | 'ask-customer']>([
    ['a device on its telemetry', device, 'fleet/v1/dev-1/telemetry', 'allow'],
    ['a device on its events', device, 'fleet/v1/dev-1/events', 'allow'],
    ['a device on its status', device, 'fleet/v1/dev-1/status', 'allow'],
    ['a device on another device', device, 'fleet/v1/dev-2/telemetry', 'deny'],
    ['a device spoofing a status', device, 'fleet/v1/dev-2/status', 'deny'],
    ['a device publishing commands to itself', device, 'fleet/v1/dev-1/commands', 'deny'],
    ['a device publishing commands to another', device, 'fleet/v1/dev-2/commands', 'deny'],
    ['a device outside fleet/', device, 'other/topic', 'deny'],
    [
      'a device on an unknown kind of its own (ingest dead-letters it)',
      device,
      'fleet/v1/dev-1/logs',
      'allow',
    ],
    ['a device below its own topic', device, 'fleet/v1/dev-1/telemetry/x', 'allow'],
    ['a device below its commands', device, 'fleet/v1/dev-1/commands/x', 'deny'],
    ['a device under another device, deeper', device, 'fleet/v1/dev-2/telemetry/x', 'deny'],
    ['a device on the version root', device, 'fleet/v1/dev-1', 'deny'],
    ['a device on $SYS', device, '$SYS/broker/x', 'deny'],
    ['a device on a provisioning topic', device, 'provisioning/v1/pk-0a1b2c3d/dev-1/request', 'deny'],
    ['a gateway for its device', gateway, 'fleet/v1/dev-2/events', 'allow'],
    ['a gateway for another device', gateway, 'fleet/v1/dev-9/events', 'deny'],
    ['a gateway spoofing a status', gateway, 'fleet/v1/dev-9/status', 'deny'],
    ['a gateway publishing commands', gateway, 'fleet/v1/dev-1/commands', 'deny'],
    ['a customer gateway for some device', customerGateway, 'fleet/v1/dev-9/telemetry', 'ask-customer'],
    ['a customer gateway on a bad id', customerGateway, 'fleet/v1/+/telemetry', 'deny'],
    ['a service publishing a command', service, 'fleet/v1/dev-1/commands', 'allow'],
    ['a service answering provisioning', service, 'provisioning/v1/pk-0a1b2c3d/new-dev/response', 'allow'],
    ['a service on $SYS', service, '$SYS/x', 'deny'],
    [
      'a provisioning session on its request',
      provisioning,
      'provisioning/v1/pk-0a1b2c3d/new-dev/request',
      'allow',
    ],
    [
      'a provisioning session under another key',
      provisioning,
      'provisioning/v1/pk-ffffffff/new-dev/request',
      'deny',
    ],
    [
      'a provisioning session as another client',
      provisioning,
      'provisioning/v1/pk-0a1b2c3d/other/request',
      'deny',
    ],
    [
      'a provisioning session answering itself',
      provisioning,
      'provisioning/v1/pk-0a1b2c3d/new-dev/response',
      'deny',
    ],
    ['a provisioning session on telemetry', provisioning, 'fleet/v1/new-dev/telemetry', 'deny'],
  ])('%s', (_, identity, topic, expected) => {
    expect(rulePublish(identity, topic).ruling).toBe(expected);
  });

  it('names the device a refused publish targets, so the dead letter carries it', () => {
    expect(rulePublish(device, 'fleet/v1/dev-2/status')).toMatchObject({ ruling: 'deny', deviceId: 'dev-2' });
  });
});

describe('ruleSubscribe', () => {
  it.each<[string, MqttIdentity, string, 'allow' | 'deny' | 'ask-customer']>([
    ['a device to its commands', device, 'fleet/v1/dev-1/commands', 'allow'],
    ['a device to another device commands', device, 'fleet/v1/dev-2/commands', 'deny'],
    ['a device to every commands topic', device, 'fleet/v1/+/commands', 'deny'],
    ['a device to #', device, '#', 'deny'],
    ['a device to fleet/#', device, 'fleet/#', 'deny'],
    ['a device to its own telemetry', device, 'fleet/v1/dev-1/telemetry', 'deny'],
    ['a device to $SYS/#', device, '$SYS/#', 'deny'],
    ['a gateway to its device commands', gateway, 'fleet/v1/dev-1/commands', 'allow'],
    ['a gateway to another device commands', gateway, 'fleet/v1/dev-9/commands', 'deny'],
    ['a gateway to every commands topic', gateway, 'fleet/v1/+/commands', 'deny'],
    ['a customer gateway to a device commands', customerGateway, 'fleet/v1/dev-9/commands', 'ask-customer'],
    ['a service to fleet/#', service, 'fleet/#', 'allow'],
    ['a service to a shared fleet/#', service, '$share/fleet-ingest/fleet/#', 'allow'],
    ['a service to provisioning requests', service, 'provisioning/v1/+/+/request', 'allow'],
    ['a service to #', service, '#', 'deny'],
    ['a service to $SYS/#', service, '$SYS/#', 'deny'],
    [
      'a provisioning session to its response',
      provisioning,
      'provisioning/v1/pk-0a1b2c3d/new-dev/response',
      'allow',
    ],
    [
      'a provisioning session to every response',
      provisioning,
      'provisioning/v1/pk-0a1b2c3d/+/response',
      'deny',
    ],
    ['a provisioning session to requests', provisioning, 'provisioning/v1/+/+/request', 'deny'],
  ])('%s', (_, identity, filter, expected) => {
    expect(ruleSubscribe(identity, filter).ruling).toBe(expected);
  });
});
