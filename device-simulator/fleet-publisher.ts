import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { Ajv } from 'ajv';
import {
  GATEWAY_CLIENT_PREFIX,
  deviceTopic,
  maintenanceCommandSchema,
  type MaintenanceCommand,
} from '../src/contract/index.js';
import { provisionOverMqtt } from './provisioning-client.js';
import type { SimMessage } from './simulation.js';

export interface FleetPublisherOptions {
  url: string;
  deviceIds: string[];
  /** 0: one connection per device (client id = device id); N: N shared gateway connections. */
  gateways: number;
  qos: 0 | 1;
  /** Per-device credentials: `{deviceId}` in the template is replaced. */
  username?: string;
  passwordTemplate?: string;
  /** Passwords by client id (device or gateway); they win over the template. */
  passwords?: ReadonlyMap<string, string>;
  /**
   * A provisioning key: each device (one connection per device) without a password
   * first obtains its credentials over MQTT, as real firmware would.
   */
  provisioningKey?: string;
  /** The model a device states when it provisions itself. */
  modelOf?: (deviceId: string) => string;
  /** CA of the broker's certificate (mqtts://, wss://). */
  ca?: Buffer;
  /** Messages kept per connection while disconnected; the oldest are dropped beyond. */
  bufferLimit: number;
  /** Birth message of a device, published on every (re)connect. */
  birth: (deviceId: string) => SimMessage;
  onCommand: (deviceId: string, command: MaintenanceCommand) => void;
}

interface Connection {
  client: MqttClient;
  deviceIds: string[];
  buffer: SimMessage[];
}

const RECONNECT_MIN_MS = 1000;
const PROVISIONING_CONCURRENCY = 8;
const RECONNECT_MAX_MS = 30_000;

const validateCommand = new Ajv({ strictRequired: false }).compile<MaintenanceCommand>(
  maintenanceCommandSchema,
);

/**
 * The connections a fleet publishes through: one per device (client id = device id),
 * or `gateways` shared ones (`gw-sim-1` …) with the devices spread over them. A
 * broker needs each gateway's devices: this says which.
 */
export function connectionGroups(
  deviceIds: readonly string[],
  gateways: number,
): Array<{ clientId: string; deviceIds: string[] }> {
  return gateways > 0
    ? Array.from({ length: gateways }, (_, g) => ({
        clientId: `${GATEWAY_CLIENT_PREFIX}sim-${g + 1}`,
        deviceIds: deviceIds.filter((_, i) => i % gateways === g),
      }))
    : deviceIds.map((id) => ({ clientId: id, deviceIds: [id] }));
}

/** Publishes simulated devices' messages through MQTT, as devices or as gateways. */
export class FleetPublisher {
  private readonly connections: Connection[] = [];
  private readonly byDevice = new Map<string, Connection>();
  published = 0;
  dropped = 0;
  /** Devices that obtained credentials with the provisioning key. */
  provisioned = 0;
  badCommands = 0;
  /** QoS 1 publishes the broker has not acknowledged yet. */
  private unacked = 0;
  private ackWaiters: Array<() => void> = [];

  constructor(private readonly o: FleetPublisherOptions) {}

  /** Connects everything; resolves once all connections are up the first time. */
  async start(): Promise<void> {
    const groups = connectionGroups(this.o.deviceIds, this.o.gateways);

    const passwords = new Map(this.o.passwords ?? []);
    if (this.o.provisioningKey) {
      if (this.o.gateways > 0)
        throw new Error('a provisioning key provisions devices, not gateways: give gateway passwords');
      await this.provisionAll(
        groups.map((g) => g.clientId).filter((id) => !passwords.has(id)),
        passwords,
      );
    }
    const ready: Array<Promise<void>> = [];
    for (const [i, g] of groups.entries()) {
      const perDevice = this.o.gateways === 0;
      const options: IClientOptions = {
        clientId: g.clientId,
        protocolVersion: 4,
        reconnectPeriod: RECONNECT_MIN_MS,
        connectTimeout: 15_000,
        // our own bounded buffer replaces mqtt.js' unbounded offline queue
        queueQoSZero: false,
        username: passwords.has(g.clientId) ? g.clientId : this.o.username?.replace('{deviceId}', g.clientId),
        password: passwords.get(g.clientId) ?? this.o.passwordTemplate?.replace('{deviceId}', g.clientId),
        ca: this.o.ca,
        will: perDevice
          ? {
              topic: deviceTopic(g.clientId, 'status'),
              payload: Buffer.from('{"state":"offline"}'),
              qos: 1,
              retain: true,
            }
          : undefined,
      };
      const conn: Connection = {
        client: mqtt.connect(this.o.url, options),
        deviceIds: g.deviceIds,
        buffer: [],
      };
      this.connections.push(conn);
      for (const id of g.deviceIds) this.byDevice.set(id, conn);
      conn.client.on('error', () => undefined);
      // exponential backoff with jitter, so a fleet does not hammer a broker that is coming back
      let attempts = 0;
      conn.client.on('reconnect', () => {
        attempts++;
        const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts);
        conn.client.options.reconnectPeriod = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      });
      // a gateway subscribes to every device's commands: it obeys only those of its own devices
      conn.client.on('message', (topic, payload) => {
        if (this.byDevice.get(topic.split('/')[2]) === conn) this.command(topic, payload);
      });
      conn.client.on('connect', () => {
        attempts = 0;
        conn.client.options.reconnectPeriod = RECONNECT_MIN_MS;
        // a gateway subscribes to each of its devices' commands: the broker grants no wildcard
        conn.client.subscribe(
          conn.deviceIds.map((id) => deviceTopic(id, 'commands')),
          { qos: 1 },
        );
        for (const id of conn.deviceIds) void this.send(conn, this.o.birth(id), true);
        const pending = conn.buffer;
        conn.buffer = [];
        for (const m of pending) void this.send(conn, m, false);
      });
      ready.push(new Promise((resolve) => conn.client.once('connect', () => resolve())));
      // don't stampede the broker's accept queue
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(ready);
  }

  /** Provisions devices over MQTT, a few at a time; their passwords go into `passwords`. */
  private async provisionAll(deviceIds: string[], passwords: Map<string, string>): Promise<void> {
    const key = this.o.provisioningKey!;
    const queue = [...deviceIds];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const answer = await provisionOverMqtt({
          url: this.o.url,
          key,
          clientId: `prov-${id}`,
          request: { deviceId: id, model: this.o.modelOf?.(id) ?? 'unknown' },
          ca: this.o.ca,
        });
        if (answer.status !== 'accepted')
          throw new Error(`provisioning ${id}: ${answer.reason} (${answer.message})`);
        passwords.set(id, answer.password);
        this.provisioned++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PROVISIONING_CONCURRENCY, deviceIds.length) }, worker));
  }

  /** Publishes one message; resolves when its connection can take more (back-pressure). */
  publish(m: SimMessage): Promise<void> | undefined {
    const conn = this.byDevice.get(m.deviceId);
    if (!conn) return undefined;
    return this.send(conn, m, false);
  }

  private send(conn: Connection, m: SimMessage, retain: boolean): Promise<void> | undefined {
    if (!conn.client.connected) {
      conn.buffer.push(m);
      if (conn.buffer.length > this.o.bufferLimit) {
        conn.buffer.shift();
        this.dropped++;
      }
      return undefined;
    }
    const qos = m.kind === 'telemetry' ? this.o.qos : 1;
    if (qos > 0) this.unacked++;
    conn.client.publish(
      deviceTopic(m.deviceId, m.kind),
      JSON.stringify(m.payload),
      { qos, retain: retain || m.kind === 'status' },
      () => {
        if (qos === 0) return;
        this.unacked--;
        if (this.unacked === 0) for (const w of this.ackWaiters.splice(0)) w();
      },
    );
    this.published++;
    if (!conn.client.stream.writableNeedDrain) return undefined;
    return new Promise((resolve) => conn.client.stream.once('drain', () => resolve()));
  }

  private command(topic: string, payload: Buffer): void {
    const deviceId = topic.split('/')[2];
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      this.badCommands++;
      return;
    }
    if (!this.byDevice.has(deviceId) || !validateCommand(body)) {
      this.badCommands++;
      return;
    }
    this.o.onCommand(deviceId, body);
  }

  /**
   * Resolves once every QoS 1 message published so far is acknowledged by the broker
   * (with the platform's ingest: stored). A simulation driving the platform in
   * simulated time waits on it before it moves the clock on.
   */
  whenAcknowledged(): Promise<void> {
    if (this.unacked === 0) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.push(resolve));
  }

  get connected(): number {
    return this.connections.filter((c) => c.client.connected).length;
  }

  get buffered(): number {
    return this.connections.reduce((n, c) => n + c.buffer.length, 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.client.endAsync()));
  }
}
