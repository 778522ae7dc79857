import { connect, type Socket } from 'node:net';
import mqttPacket from 'mqtt-packet';
import { deviceTopic } from '../src/contract/index.js';

/**
 * Child process of the hostile benchmark: N connections, each a device that
 * connects and then publishes one huge payload, written as fast as the socket takes
 * it, the way the tester did. Reports how much each got to write before the
 * broker closed it.
 *
 * argv: url megabytesEach credentials-json ({ deviceId: password })
 */
const [url, mbArg, credentialsArg] = process.argv.slice(2);
const { hostname, port } = new URL(url);
const bytes = Number(mbArg) * 1_000_000;
const credentials = JSON.parse(credentialsArg) as Record<string, string>;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

function attack(deviceId: string, password: string): Promise<{ written: number; closedEarly: boolean }> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: hostname, port: Number(port) });
    let written = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve({ written, closedEarly: written < bytes });
      socket.destroy();
    };
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', () => undefined);
    socket.on('connect', () => {
      socket.write(
        mqttPacket.generate({
          cmd: 'connect',
          protocolId: 'MQTT',
          protocolVersion: 4,
          clean: true,
          keepalive: 60,
          clientId: deviceId,
          username: deviceId,
          password: Buffer.from(password),
        }),
      );
      const topic = deviceTopic(deviceId, 'telemetry');
      // the PUBLISH header says how long the payload is; the body follows in chunks
      const header = mqttPacket.generate({
        cmd: 'publish',
        topic,
        payload: Buffer.alloc(0),
        qos: 0,
        dup: false,
        retain: false,
      });
      const remaining = 2 + Buffer.byteLength(topic) + bytes;
      const length: number[] = [];
      let n = remaining;
      do {
        let b = n % 128;
        n = Math.floor(n / 128);
        if (n > 0) b |= 0x80;
        length.push(b);
      } while (n > 0);
      socket.write(Buffer.concat([Buffer.from([header[0], ...length]), header.subarray(2)]));
      const pump = (): void => {
        while (!done && written < bytes) {
          written += CHUNK.length;
          if (!socket.write(CHUNK)) return void socket.once('drain', pump);
        }
        if (written >= bytes) socket.end();
      };
      pump();
    });
  });
}

const results = await Promise.all(Object.entries(credentials).map(([id, pw]) => attack(id, pw)));
process.send?.({ results });
