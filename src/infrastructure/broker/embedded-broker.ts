import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AedesOptions, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { BrokerAccessPolicy } from './broker-access.policy.js';
import { MQTT5_REFUSAL_REASON, UNSUPPORTED_PROTOCOL_VERSION, mqtt5Connack } from './mqtt5-refusal.js';

export interface EmbeddedBrokerOptions {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** WebSocket port; 0 picks a free one, null turns WebSocket off. */
  wsPort: number | null;
  policy: BrokerAccessPolicy;
  /** Called for each publish the policy refuses (the client is then disconnected). */
  onPublishRefused?: (
    clientId: string,
    topic: string,
    payload: Buffer,
    detail: string,
    deviceId?: string,
  ) => void;
  onClientCountChange?: (count: number) => void;
  /** Called when a client asks for a protocol version aedes does not speak (MQTT 5). */
  onProtocolRefused?: (clientId: string, protocolVersion: number) => void;
}

/** aedes on TCP and WebSocket. Plain class: the Nest service and the benchmarks both use it. */
export class EmbeddedBroker {
  private aedes: Aedes | null = null;
  private tcp: Server | null = null;
  private ws: WebSocketServer | null = null;
  tcpPort = 0;
  wsPort: number | null = null;

  constructor(private readonly options: EmbeddedBrokerOptions) {}

  async start(): Promise<void> {
    const { policy, onPublishRefused, onClientCountChange, onProtocolRefused } = this.options;
    const hooks: AedesOptions = {
      preConnect: (client, packet, done) => {
        if (packet.protocolVersion !== 5) return done(null, true);
        // aedes would answer a 3.1.1 return code 1, which an MQTT 5 client reads as a
        // protocol error: answer in MQTT 5, with the reason, then let aedes close [MQTT-3.2.2-7]
        onProtocolRefused?.(packet.clientId, packet.protocolVersion);
        const refusal = new Error(MQTT5_REFUSAL_REASON);
        client.conn.write(mqtt5Connack(UNSUPPORTED_PROTOCOL_VERSION, MQTT5_REFUSAL_REASON), () =>
          done(refusal, false),
        );
      },
      authenticate: (client, username, password, done) => {
        policy.authenticate(client.id, username, password).then(
          (ok) => {
            if (ok) return done(null, true);
            // [MQTT-3.2.2-5] CONNACK 0x04: bad user name or password
            done(Object.assign(new Error('bad user name or password'), { returnCode: 4 }), false);
          },
          (err: Error) => done(Object.assign(err, { returnCode: 3 }), false),
        );
      },
      authorizePublish: (client, packet, done) => {
        // client is null for a stored last will published after its client left
        if (!client) return done(null);
        const decision = policy.authorizePublish(client.id, packet.topic);
        if (decision.allowed) return done(null);
        const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
        onPublishRefused?.(client.id, packet.topic, payload, decision.detail, decision.deviceId);
        // MQTT 3.1.1 has no negative PUBACK: aedes closes the connection [MQTT-3.3.5-2]
        done(new Error(decision.detail));
      },
      authorizeSubscribe: (client, sub, done) => {
        if (policy.authorizeSubscribe(client.id, sub.topic)) return done(null, sub);
        done(new Error(`subscription to ${sub.topic} refused`));
      },
    };
    const aedes = await Aedes.createBroker(hooks);
    this.aedes = aedes;
    const count = (): void => onClientCountChange?.(aedes.connectedClients);
    aedes.on('clientReady', count);
    aedes.on('clientDisconnect', count);
    // a refused publish or a broken client surfaces here; it must not crash the process
    aedes.on('clientError', (_client: Client, _err: Error) => undefined);
    aedes.on('connectionError', (_client: Client, _err: Error) => undefined);

    this.tcp = createServer((socket) => aedes.handle(socket));
    this.tcpPort = await listen(this.tcp, this.options.port, this.options.host);

    if (this.options.wsPort !== null) {
      const wss = new WebSocketServer({ host: this.options.host, port: this.options.wsPort });
      this.ws = wss;
      await new Promise<void>((resolve, reject) => {
        wss.once('listening', resolve);
        wss.once('error', reject);
      });
      wss.on('error', () => undefined);
      wss.on('connection', (socket, req) => {
        const stream = createWebSocketStream(socket);
        stream.on('error', () => socket.terminate());
        aedes.handle(stream, req);
      });
      this.wsPort = (wss.address() as AddressInfo).port;
    }
  }

  /** URL for in-process clients (the ingest service). */
  get localUrl(): string {
    const host =
      this.options.host === '0.0.0.0' || this.options.host === '::' ? '127.0.0.1' : this.options.host;
    return `mqtt://${host}:${this.tcpPort}`;
  }

  get connectedClients(): number {
    return this.aedes?.connectedClients ?? 0;
  }

  async stop(): Promise<void> {
    const aedes = this.aedes;
    this.aedes = null;
    if (this.ws) {
      for (const socket of this.ws.clients) socket.terminate();
      await new Promise<void>((resolve) => this.ws!.close(() => resolve()));
      this.ws = null;
    }
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    if (this.tcp) {
      await new Promise<void>((resolve) => this.tcp!.close(() => resolve()));
      this.tcp = null;
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
