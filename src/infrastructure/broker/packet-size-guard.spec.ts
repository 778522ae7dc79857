import mqttPacket from 'mqtt-packet';
import { PassThrough } from 'node:stream';
import { MqttFrameScanner, guardPacketSize, type PacketProblem } from './packet-size-guard.js';

const publish = (payloadBytes: number): Buffer =>
  mqttPacket.generate({
    cmd: 'publish',
    topic: 'fleet/v1/dev-1/telemetry',
    payload: Buffer.alloc(payloadBytes, 0x61),
    qos: 0,
    dup: false,
    retain: false,
  });
const pingreq = (): Buffer => mqttPacket.generate({ cmd: 'pingreq' });

/** Feeds `bytes` in chunks of `size`; the first problem, or null. */
function feed(scanner: MqttFrameScanner, bytes: Buffer, size: number): ReturnType<MqttFrameScanner['scan']> {
  for (let i = 0; i < bytes.length; i += size) {
    const problem = scanner.scan(bytes.subarray(i, i + size));
    if (problem) return problem;
  }
  return null;
}

describe(MqttFrameScanner.name, () => {
  const LIMIT = 1024;

  it.each([1, 2, 3, 7, 64, 100_000])('passes packets within the limit when chunks hold %i bytes', (size) => {
    const stream = Buffer.concat([publish(10), pingreq(), publish(1024 - 30), publish(0), pingreq()]);
    expect(feed(new MqttFrameScanner(LIMIT), stream, size)).toBeNull();
  });

  it.each([1, 2, 5, 100_000])('refuses a packet over the limit when chunks hold %i bytes', (size) => {
    const stream = Buffer.concat([publish(10), publish(2000), publish(10)]);
    expect(feed(new MqttFrameScanner(LIMIT), stream, size)).toEqual({
      problem: 'packet_too_large',
      bytes: publish(2000).length,
    });
  });

  it('counts the fixed header in the limit, as Mosquitto max_packet_size does', () => {
    const packet = publish(500);
    expect(new MqttFrameScanner(packet.length).scan(packet)).toBeNull();
    expect(new MqttFrameScanner(packet.length - 1).scan(packet)).toMatchObject({
      problem: 'packet_too_large',
    });
  });

  it('refuses a 250 MB publish from its header alone, before any of its body arrives', () => {
    // type byte, then Remaining Length 250,000,000 in four bytes
    let n = 250_000_000;
    const length: number[] = [];
    do {
      let byte = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) byte |= 0x80;
      length.push(byte);
    } while (n > 0);
    const header = Buffer.from([0x30, ...length]);
    expect(new MqttFrameScanner(LIMIT).scan(header)).toEqual({
      problem: 'packet_too_large',
      bytes: 1 + 4 + 250_000_000,
    });
  });

  it('refuses a Remaining Length of more than four bytes as malformed', () => {
    expect(new MqttFrameScanner(LIMIT).scan(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toEqual({
      problem: 'malformed_packet',
    });
  });
});

describe(guardPacketSize.name, () => {
  it('hands packets within the limit on unchanged', async () => {
    const stream = guardPacketSize(new PassThrough(), 1024, () => undefined);
    const packets = Buffer.concat([publish(10), pingreq(), publish(500)]);
    stream.end(packets);
    const read: Buffer[] = [];
    for await (const chunk of stream) read.push(chunk as Buffer);
    expect(Buffer.concat(read)).toEqual(packets);
  });

  it('destroys the stream at the header of an oversize packet, and buffers none of it', async () => {
    const refused: PacketProblem[] = [];
    const stream = guardPacketSize(new PassThrough(), 1024, (p) => refused.push(p));
    const closed = new Promise((resolve) => stream.once('close', resolve));
    stream.write(publish(10));
    stream.write(publish(5000));
    await closed;
    expect(refused).toEqual([{ problem: 'packet_too_large', bytes: publish(5000).length }]);
    expect(stream.destroyed).toBe(true);
    expect(stream.readableLength).toBeLessThanOrEqual(publish(10).length);
  });
});
