import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer as createTlsServer, TLSSocket, type TlsOptions } from 'node:tls';
import { Aedes, type AedesOptions, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type {
  BrokerAccessPolicy,
  BrokerSession,
  MqttRefusalReason,
  PresentedCertificate,
  PublishDecision,
} from './broker-access.policy.js';
import { presentedCertificate } from './client-certificate.js';
import { MQTT5_REFUSAL_REASON, UNSUPPORTED_PROTOCOL_VERSION, mqtt5Connack } from './mqtt5-refusal.js';
import { guardPacketSize } from './packet-size-guard.js';

/** Listeners with TLS: MQTT over TLS and MQTT over secure WebSocket. */
export interface EmbeddedBrokerTls {
  key: Buffer;
  cert: Buffer;
  /** CA of device certificates: when set, clients may authenticate with a certificate it signed. */
  clientCa?: Buffer;
  /** MQTT over TLS port; 0 picks a free one, null: none. */
  port: number | null;
  /** MQTT over secure WebSocket port; 0 picks a free one, null: none. */
  wssPort: number | null;
}

export interface EmbeddedBrokerOptions {
  host: string;
  /** Plain TCP port; 0 picks a free one. null: none (a loopback listener still serves in-process clients). */
  port: number | null;
  /** Plain WebSocket port; 0 picks a free one, null turns WebSocket off. */
  wsPort: number | null;
  tls?: EmbeddedBrokerTls;
  policy: BrokerAccessPolicy;
  /** Largest MQTT packet taken, fixed header included; a larger one closes the connection. */
  maxPacketBytes: number;
  /** A connection that has not sent CONNECT (or finished its TLS or WebSocket handshake) by then is closed. */
  connectTimeoutMs: number;
  /** Called for each publish the policy refuses (the client is then disconnected). */
  onPublishRefused?: (
    clientId: string,
    topic: string,
    payload: Buffer,
    detail: string,
    deviceId?: string,
  ) => void;
  /** Every refusal, by reason: connects, publishes, subscriptions, oversize packets, timeouts. */
  onRefused?: (reason: MqttRefusalReason, clientId: string | undefined) => void;
  onClientCountChange?: (count: number) => void;
  /** Called when a client asks for a protocol version aedes does not speak (MQTT 5). */
  onProtocolRefused?: (clientId: string, protocolVersion: number) => void;
}

interface ConnectionInfo {
  remoteAddress: string;
  certificate: PresentedCertificate | null;
}

/** aedes internals this class reads: the will asked for at CONNECT. */
interface ClientInternals {
  _will?: { topic: string } | null;
}

const noop = (): void => undefined;

/**
 * aedes on TCP, WebSocket and their TLS variants, with every client authenticated
 * and authorised by the access policy. aedes has no packet size limit: each
 * connection is guarded for it first (guardPacketSize). Plain class: the Nest service
 * and the benchmarks both use it.
 */
export class EmbeddedBroker {
  private aedes: Aedes | null = null;
  private readonly servers: Array<Server | HttpServer> = [];
  private readonly wss: WebSocketServer[] = [];
  private readonly connections = new WeakMap<object, ConnectionInfo>();
  private readonly sessions = new WeakMap<Client, BrokerSession>();
  /** Client id → the client holding it; no other identity may take it over. */
  private readonly claims = new Map<string, Client>();
  private readonly byIdentity = new Map<string, Set<Client>>();
  /** Open connections, CONNECT or not: closed at stop. */
  private readonly streams = new Set<Duplex>();
  tcpPort: number | null = null;
  wsPort: number | null = null;
  tlsPort: number | null = null;
  wssPort: number | null = null;
  private internalPort = 0;

  constructor(private readonly options: EmbeddedBrokerOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    const refused = (reason: MqttRefusalReason, clientId?: string): void => o.onRefused?.(reason, clientId);
    const hooks: AedesOptions = {
      connectTimeout: o.connectTimeoutMs,
      // device ids go up to 64 characters, services' ids further; aedes' default is 23
      maxClientsIdLength: 128,
      preConnect: (client, packet, done) => {
        if (packet.protocolVersion !== 5) return done(null, true);
        // aedes would answer a 3.1.1 return code 1, which an MQTT 5 client reads as a
        // protocol error: answer in MQTT 5, with the reason, then let aedes close [MQTT-3.2.2-7]
        o.onProtocolRefused?.(packet.clientId, packet.protocolVersion);
        const refusal = new Error(MQTT5_REFUSAL_REASON);
        client.conn.write(mqtt5Connack(UNSUPPORTED_PROTOCOL_VERSION, MQTT5_REFUSAL_REASON), () =>
          done(refusal, false),
        );
      },
      authenticate: (client, username, password, done) => {
        const info = this.connections.get(client.conn);
        o.policy
          .connect({
            clientId: client.id,
            username,
            password,
            certificate: info?.certificate ?? null,
            willTopic: (client as unknown as ClientInternals)._will?.topic,
            remoteAddress: info?.remoteAddress ?? '',
          })
          .then(
            (outcome) => {
              if (!outcome.ok) {
                refused(outcome.reason, client.id);
                // [MQTT-3.2.2-5] a refusing CONNACK, then the connection closes
                return done(
                  Object.assign(new Error(outcome.reason), { returnCode: outcome.returnCode }),
                  false,
                );
              }
              const holder = this.claims.get(client.id);
              if (
                holder &&
                holder !== client &&
                !holder.closed &&
                this.sessions.get(holder)?.identity !== outcome.session.identity
              ) {
                refused('client_id_in_use', client.id);
                return done(Object.assign(new Error('client id in use'), { returnCode: 2 }), false);
              }
              this.sessions.set(client, outcome.session);
              this.claims.set(client.id, client);
              const same = this.byIdentity.get(outcome.session.identity) ?? new Set<Client>();
              same.add(client);
              this.byIdentity.set(outcome.session.identity, same);
              done(null, true);
            },
            (err: Error) => {
              refused('auth_unavailable', client.id);
              done(Object.assign(err, { returnCode: 3 }), false);
            },
          );
      },
      authorizePublish: (client, packet, done) => {
        // null for a stored last will published after its client left: checked at its CONNECT
        if (!client) return done(null);
        const session = this.sessions.get(client);
        if (!session) return done(new Error('not authenticated'));
        const verdict = session.authorizePublish(packet.topic);
        const settle = (decision: PublishDecision): void => {
          if (decision.allowed) return done(null);
          refused('publish_denied', client.id);
          const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
          o.onPublishRefused?.(client.id, packet.topic, payload, decision.detail, decision.deviceId);
          // MQTT 3.1.1 has no negative PUBACK: aedes closes the connection [MQTT-3.3.5-2]
          done(new Error(decision.detail));
        };
        if (verdict instanceof Promise)
          verdict.then(settle, () => settle({ allowed: false, detail: 'authorisation unavailable' }));
        else settle(verdict);
      },
      authorizeSubscribe: (client, sub, done) => {
        const session = this.sessions.get(client);
        const settle = (ok: boolean): void => {
          if (ok) return done(null, sub);
          refused('subscribe_denied', client.id);
          // a failure return code in the SUBACK, 0x80 [MQTT-3.9.3]; the session stays
          done(null, null);
        };
        const verdict = session ? session.authorizeSubscribe(sub.topic) : false;
        if (verdict instanceof Promise) verdict.then(settle, () => settle(false));
        else settle(verdict);
      },
    };
    const aedes = await Aedes.createBroker(hooks);
    this.aedes = aedes;
    const count = (): void => o.onClientCountChange?.(aedes.connectedClients);
    aedes.on('clientReady', count);
    aedes.on('clientDisconnect', (client: Client) => {
      this.forget(client);
      count();
    });
    const failed = (client: Client, err: Error): void => {
      if (err?.message === 'connect did not arrive in time') refused('connect_timeout', undefined);
      // a client that failed before its CONNACK never disconnects: forget it here too
      if (client) this.forget(client);
    };
    // a refused publish or a broken client surfaces here; it must not crash the process
    aedes.on('clientError', failed);
    aedes.on('connectionError', failed);

    const plain = (socket: Socket): void =>
      this.accept(socket, { remoteAddress: socket.remoteAddress ?? '', certificate: null });
    if (o.port !== null) {
      const tcp = createServer(plain);
      this.tcpPort = await this.listen(tcp, o.port, o.host);
    }
    // in-process clients (ingest) always have a plain listener on loopback
    if (o.port === null) this.internalPort = await this.listen(createServer(plain), 0, '127.0.0.1');

    if (o.wsPort !== null) this.wsPort = await this.listenWebSocket(createHttpServer(), o.wsPort);

    if (o.tls) {
      const tlsOptions: TlsOptions = {
        key: o.tls.key,
        cert: o.tls.cert,
        ca: o.tls.clientCa,
        // ask for a certificate, but let password clients in: the policy decides
        requestCert: o.tls.clientCa !== undefined,
        rejectUnauthorized: false,
        handshakeTimeout: o.connectTimeoutMs,
      };
      const certificateOf = (socket: TLSSocket): PresentedCertificate | null =>
        o.tls?.clientCa ? presentedCertificate(socket) : null;
      if (o.tls.port !== null) {
        const server = createTlsServer(tlsOptions, (socket) =>
          this.accept(socket, {
            remoteAddress: socket.remoteAddress ?? '',
            certificate: certificateOf(socket),
          }),
        );
        server.on('tlsClientError', noop);
        this.tlsPort = await this.listen(server, o.tls.port, o.host);
      }
      if (o.tls.wssPort !== null) {
        const server = createHttpsServer(tlsOptions);
        server.on('tlsClientError', noop);
        this.wssPort = await this.listenWebSocket(server, o.tls.wssPort);
      }
    }
  }

  /** Every connection is guarded for packet size before aedes parses a byte. */
  private accept(stream: Duplex, info: ConnectionInfo): void {
    const aedes = this.aedes;
    if (!aedes) return void stream.destroy();
    guardPacketSize(stream, this.options.maxPacketBytes, (p) =>
      this.options.onRefused?.(p.problem, undefined),
    );
    this.connections.set(stream, info);
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    stream.on('error', noop);
    aedes.handle(stream);
  }

  private async listenWebSocket(server: HttpServer, port: number): Promise<number> {
    const o = this.options;
    // a socket that never completes its HTTP upgrade is closed like one that never sends CONNECT
    server.headersTimeout = o.connectTimeoutMs;
    server.requestTimeout = o.connectTimeoutMs;
    server.setTimeout(o.connectTimeoutMs, (socket: Socket) => {
      o.onRefused?.('connect_timeout', undefined);
      socket.destroy();
    });
    // a frame over this is refused by its header, before it is buffered
    const wss = new WebSocketServer({ server, maxPayload: 2 * o.maxPacketBytes });
    this.wss.push(wss);
    wss.on('error', noop);
    wss.on('connection', (socket, req) => {
      socket.on('error', (err: Error & { code?: string }) => {
        if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') o.onRefused?.('packet_too_large', undefined);
      });
      const stream = createWebSocketStream(socket);
      stream.on('error', () => socket.terminate());
      const tlsSocket = req.socket instanceof TLSSocket ? req.socket : null;
      this.accept(stream, {
        remoteAddress: req.socket.remoteAddress ?? '',
        certificate: tlsSocket && o.tls?.clientCa ? presentedCertificate(tlsSocket) : null,
      });
    });
    return this.listen(server, port, o.host);
  }

  private listen(server: Server | HttpServer, port: number, host: string): Promise<number> {
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  private forget(client: Client): void {
    if (this.claims.get(client.id) === client) this.claims.delete(client.id);
    const session = this.sessions.get(client);
    if (!session) return;
    const same = this.byIdentity.get(session.identity);
    same?.delete(client);
    if (same?.size === 0) this.byIdentity.delete(session.identity);
  }

  /**
   * Drops every live session of an identity at once (credentials disabled, deleted
   * or rotated). Returns how many were dropped.
   */
  disconnect(identity: string): number {
    const clients = [...(this.byIdentity.get(identity) ?? [])];
    for (const client of clients) client.close();
    return clients.length;
  }

  /** URL for in-process clients (the ingest service): plain TCP on loopback. */
  get localUrl(): string {
    if (this.tcpPort === null) return `mqtt://127.0.0.1:${this.internalPort}`;
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
    for (const wss of this.wss.splice(0)) {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    }
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    // sockets that never sent CONNECT are not aedes clients
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    for (const server of this.servers.splice(0)) {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
