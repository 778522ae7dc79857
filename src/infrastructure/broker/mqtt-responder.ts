import mqtt, { type MqttClient } from 'mqtt';

export interface MqttResponderOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  /** CA to check the broker's certificate against (mqtts://, wss://). */
  ca?: Buffer;
  /** The filter requests arrive on. */
  subscription: string;
  /** Answers one request: the topic and payload to publish, or null for no answer. Never throws. */
  handle: (topic: string, payload: Buffer) => Promise<{ topic: string; payload: string } | null>;
  onConnectionChange?: (connected: boolean) => void;
}

/**
 * An MQTT client that answers requests: subscribed to one filter, it publishes an
 * answer (QoS 1) for each message. Requests are handled as they come, concurrently.
 */
export class MqttResponder {
  private client: MqttClient | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: MqttResponderOptions) {}

  /** Connects and subscribes; resolves once subscribed the first time, retrying meanwhile. */
  start(): Promise<void> {
    const o = this.options;
    const client = mqtt.connect(o.url, {
      clientId: o.clientId,
      username: o.username,
      password: o.password,
      ca: o.ca,
      protocolVersion: 4,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      resubscribe: true,
    });
    this.client = client;
    client.on('error', () => undefined);
    client.on('close', () => o.onConnectionChange?.(false));
    client.on('message', (topic, payload) => {
      const work = o.handle(topic, payload).then(
        (answer) => {
          if (answer) client.publish(answer.topic, answer.payload, { qos: 1 });
        },
        () => undefined,
      );
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
    return new Promise((resolve) => {
      let subscribed = false;
      client.on('connect', () => {
        o.onConnectionChange?.(true);
        client.subscribe(o.subscription, { qos: 1 }, (err) => {
          if (!err && !subscribed) {
            subscribed = true;
            resolve();
          }
        });
      });
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.inFlight);
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync();
  }
}
