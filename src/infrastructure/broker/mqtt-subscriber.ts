import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface MqttSubscriberOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  qos: 0 | 1;
  topics: string[];
  /**
   * Called once per message, in order. The next message is read, and a QoS 1
   * message acknowledged, only when the returned promise settles: back-pressure.
   */
  onMessage: (topic: string, payload: Buffer) => Promise<void> | void;
  onConnectionChange?: (connected: boolean) => void;
}

/** An mqtt.js client that subscribes and hands messages over one at a time. */
export class MqttSubscriber {
  private client: MqttClient | null = null;

  constructor(private readonly options: MqttSubscriberOptions) {}

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connects and subscribes; resolves on the first successful subscription, retries meanwhile. */
  start(): Promise<void> {
    const o = this.options;
    const clientOptions: IClientOptions = {
      clientId: o.clientId,
      username: o.username,
      password: o.password,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
    };
    const client = mqtt.connect(o.url, clientOptions);
    this.client = client;
    // mqtt.js sends PUBACK after this callback: it is our acknowledgement point
    client.handleMessage = (packet, callback) => {
      let result: Promise<void> | void;
      try {
        result = o.onMessage(packet.topic, packet.payload as Buffer);
      } catch {
        result = undefined;
      }
      if (result)
        result.then(
          () => callback(),
          () => callback(),
        );
      else callback();
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

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync();
  }
}
