import mqtt, { type IConnackPacket } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

describe('An MQTT 5 client at the embedded broker', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('gets an MQTT 5 CONNACK 0x84 (unsupported protocol version) saying which versions work and where MQTT 5 does', async () => {
    const client = mqtt.connect(app.mqttUrl, {
      clientId: 'dev-mqtt5',
      protocolVersion: 5,
      reconnectPeriod: 0,
    });
    const connack = new Promise<IConnackPacket>((resolve) =>
      client.on('packetreceive', (p) => {
        if (p.cmd === 'connack') resolve(p);
      }),
    );
    const error = new Promise<Error & { code?: number }>((resolve) => client.once('error', resolve));
    const packet = await connack;
    expect(packet.reasonCode).toBe(0x84);
    expect(packet.properties?.reasonString).toMatch(/MQTT 3\.1\.1 and 3\.1 only/);
    expect(packet.properties?.reasonString).toMatch(
      /external broker that takes MQTT 5 \(Mosquitto, EMQX, HiveMQ/,
    );
    const err = await error;
    expect(err.code).toBe(0x84);
    expect(err.message).toMatch(/Unsupported Protocol Version/i);
    await client.endAsync(true);
  });

  it('leaves 3.1.1 clients served, before and after the refusal', async () => {
    const device = await connectClient(app.mqttUrl, 'dev-311');
    const ts = Date.now();
    await device.publishAsync(deviceTopic('dev-311', 'telemetry'), JSON.stringify({ ts, gauges: { a: 1 } }), {
      qos: 1,
    });
    await eventually(async () => {
      const r = await app.get<{ data: unknown[] }>(`/api/v1/devices/dev-311/telemetry/a?from=${ts - 1000}`);
      return r.body.data?.length === 1 ? true : undefined;
    });
    await device.endAsync();
  });
});
