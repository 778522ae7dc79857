import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

/** What ingest says about one message. */
export interface MessageHandling {
  /** Settles when the message's data is durable (store or spool): the QoS 1 acknowledgement point. */
  durable?: Promise<void>;
  /** Settles when ingest may take the next message (back-pressure). */
  resume?: Promise<void>;
}

export interface MqttSubscriberOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  /** CA to check the broker's certificate against (mqtts://, wss://); absent: the system CAs. */
  ca?: Buffer;
  qos: 0 | 1;
  topics: string[];
  /**
   * Keep the session at the broker across disconnects (clean session off), so what
   * devices publish while the service is down or restarting waits for it.
   */
  persistentSession: boolean;
  /** Most QoS 1 messages received but not yet acknowledged; reading pauses at this many. */
  maxUnacked: number;
  /** Called once per message, in order. */
  onMessage: (topic: string, payload: Buffer, qos: number) => MessageHandling | void;
  onConnectionChange?: (connected: boolean) => void;
}

/** Tells mqtt.js not to send its own PUBACK: ours follows durability. */
const ACK_LATER = new Error('acknowledged when durable');

interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number }, cb?: () => void): void;
}

/**
 * An mqtt.js client that subscribes and hands messages over one at a time. A QoS 1
 * message is acknowledged only once ingest says its data is durable, in the order
 * received [MQTT-4.6.0-2]; up to `maxUnacked` wait at once, so reading goes on
 * while a batch is written (Telegraf's max_undelivered_messages works the same way).
 */
export class MqttSubscriber {
  private client: MqttClient | null = null;
  private acks: Promise<void> = Promise.resolve();
  private unacked = 0;
  private ackWaiters: Array<() => void> = [];
  /** Bumped on every connection: an acknowledgement is only valid on the connection that received. */
  private generation = 0;

  constructor(private readonly options: MqttSubscriberOptions) {}

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Messages received and not yet acknowledged. */
  get pendingAcks(): number {
    return this.unacked;
  }

  /** Connects and subscribes; resolves on the first successful subscription, retries meanwhile. */
  start(): Promise<void> {
    const o = this.options;
    const clientOptions: IClientOptions = {
      clientId: o.clientId,
      username: o.username,
      password: o.password,
      ca: o.ca,
      protocolVersion: 4,
      clean: !o.persistentSession,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
    };
    const client = mqtt.connect(o.url, clientOptions);
    this.client = client;
    client.handleMessage = (packet, callback) => {
      let handling: MessageHandling | void;
      try {
        handling = o.onMessage(packet.topic, packet.payload as Buffer, packet.qos);
      } catch {
        handling = undefined;
      }
      const qos1 = packet.qos === 1 && packet.messageId !== undefined;
      if (qos1) this.acknowledgeWhenDurable(packet.messageId!, handling?.durable);
      const next = (): void => callback(qos1 ? ACK_LATER : undefined);
      const full =
        this.unacked >= o.maxUnacked ? new Promise<void>((r) => this.ackWaiters.push(r)) : undefined;
      const waits = [handling?.resume, full].filter((p): p is Promise<void> => p !== undefined);
      if (waits.length) void Promise.all(waits).then(next, next);
      else next();
    };
    // a failing listener must not take the connection (or the process) down
    const changed = (up: boolean): void => {
      try {
        o.onConnectionChange?.(up);
      } catch {
        // the listener only logs and reports readiness
      }
    };
    return new Promise((resolve) => {
      let subscribed = false;
      client.on('connect', () => {
        this.generation++;
        changed(true);
        client.subscribe(o.topics, { qos: o.qos }, (err) => {
          if (!err && !subscribed) {
            subscribed = true;
            resolve();
          }
        });
      });
      client.on('close', () => changed(false));
      // connection errors are retried by mqtt.js; readiness reports them
      client.on('error', () => undefined);
    });
  }

  private acknowledgeWhenDurable(messageId: number, durable: Promise<void> | undefined): void {
    const generation = this.generation;
    this.unacked++;
    this.acks = this.acks
      .then(() => durable)
      .catch(() => undefined)
      .then(() => {
        this.unacked--;
        // after a reconnect the broker redelivers it (same data, stored once): no stale ack
        if (generation === this.generation && this.client?.connected)
          (this.client as unknown as PacketSender)._sendPacket({ cmd: 'puback', messageId });
        const waiters = this.ackWaiters;
        this.ackWaiters = [];
        for (const w of waiters) w();
      });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync();
  }
}
