import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

const TOPIC = '$CONTROL/dynamic-security/v1';
const RESPONSES = `${TOPIC}/response`;

/** One command of Mosquitto's dynamic-security API (`createClient`, `disableClient`, …). */
export type DynsecCommand = { command: string } & Record<string, unknown>;

export interface DynsecControlOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  ca?: Buffer;
  /** How long to wait for the broker's answer. */
  timeoutMs?: number;
}

/**
 * Mosquitto's dynamic-security API over MQTT: commands published on
 * `$CONTROL/dynamic-security/v1`, answers read on its `/response` topic, matched by
 * correlation data. The client needs a role that allows both.
 */
export class DynsecControl {
  private client: MqttClient | null = null;
  private readonly waiting = new Map<
    string,
    (responses: Array<{ command: string; error?: string }>) => void
  >();

  constructor(private readonly options: DynsecControlOptions) {}

  start(): Promise<void> {
    const o = this.options;
    const client = mqtt.connect(o.url, {
      clientId: o.clientId,
      username: o.username,
      password: o.password,
      ca: o.ca,
      protocolVersion: 4,
      reconnectPeriod: 1000,
      resubscribe: true,
    });
    this.client = client;
    client.on('error', () => undefined);
    client.on('message', (_topic, payload) => {
      let body: { responses?: Array<{ command: string; error?: string; correlationData?: string }> };
      try {
        body = JSON.parse(payload.toString('utf8')) as typeof body;
      } catch {
        return;
      }
      const id = body.responses?.[0]?.correlationData?.split(':')[0];
      const done = id ? this.waiting.get(id) : undefined;
      if (done) done(body.responses ?? []);
    });
    return new Promise((resolve) => {
      client.once('connect', () => client.subscribe(RESPONSES, { qos: 1 }, () => resolve()));
    });
  }

  /** Runs commands in order; resolves with each one's error, if any. */
  async run(commands: DynsecCommand[]): Promise<Array<{ command: string; error?: string }>> {
    const client = this.client;
    if (!client?.connected) throw new Error('not connected to the broker');
    const id = randomBytes(8).toString('hex');
    const answer = new Promise<Array<{ command: string; error?: string }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('the broker did not answer the dynamic-security commands'));
      }, this.options.timeoutMs ?? 10_000);
      this.waiting.set(id, (responses) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(responses);
      });
    });
    await client.publishAsync(
      TOPIC,
      JSON.stringify({ commands: commands.map((c, i) => ({ ...c, correlationData: `${id}:${i}` })) }),
      { qos: 1 },
    );
    return answer;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync();
  }
}
