import { Duplex } from 'node:stream';

export type PacketProblem = { problem: 'packet_too_large'; bytes: number } | { problem: 'malformed_packet' };

/**
 * Follows MQTT packet boundaries in a byte stream by their fixed headers alone: a
 * type byte, then the Remaining Length in 1 to 4 bytes of 7 bits [MQTT-2.2.3]. It
 * never looks inside a packet, so it costs a few operations per packet. A packet
 * announcing more than `maxPacketBytes` is reported as soon as its length is read,
 * before a byte of its body is kept anywhere.
 */
export class MqttFrameScanner {
  /** Bytes of the current packet's body still to skip. */
  private skip = 0;
  /** 0: expecting a type byte; 1: reading the Remaining Length. */
  private state: 0 | 1 = 0;
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Scans the next chunk of the stream; null while every packet is within bounds. */
  scan(chunk: Uint8Array): PacketProblem | null {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, n - i);
        this.skip -= take;
        i += take;
        continue;
      }
      if (this.state === 0) {
        i++;
        this.state = 1;
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      const byte = chunk[i++];
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes++;
      if (byte & 0x80) {
        // [MQTT-2.2.3] four bytes at most
        if (this.lengthBytes === 4) return { problem: 'malformed_packet' };
        continue;
      }
      const total = 1 + this.lengthBytes + this.length;
      if (total > this.maxPacketBytes) return { problem: 'packet_too_large', bytes: total };
      this.skip = this.length;
      this.state = 0;
    }
    return null;
  }
}

/**
 * Sits between a connection (TCP, TLS or WebSocket stream) and aedes, which has no
 * packet size limit of its own: its parser would buffer a 250 MB publish whole
 * before anyone could refuse it. Reads pass through once scanned; an oversize or
 * malformed packet destroys the connection at once. Writes go straight through.
 */
export class PacketSizeGuard extends Duplex {
  private readonly scanner: MqttFrameScanner;

  constructor(
    private readonly inner: Duplex,
    maxPacketBytes: number,
    private readonly onRefused: (problem: PacketProblem) => void,
  ) {
    super({ allowHalfOpen: false });
    this.scanner = new MqttFrameScanner(maxPacketBytes);
    inner.on('data', (chunk: Buffer) => {
      const problem = this.scanner.scan(chunk);
      if (problem) {
        inner.pause();
        this.onRefused(problem);
        this.destroy();
        return;
      }
      if (!this.push(chunk)) inner.pause();
    });
    inner.once('end', () => this.push(null));
    inner.once('error', (err: Error) => this.destroy(err));
    inner.once('close', () => this.destroy());
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  // mqtt-packet corks the stream and writes a packet in pieces: hand them over in one go
  override _writev(chunks: Array<{ chunk: Buffer }>, done: (err?: Error | null) => void): void {
    this.inner.cork();
    let ok = true;
    for (const { chunk } of chunks) ok = this.inner.write(chunk);
    this.inner.uncork();
    if (ok) done();
    else this.inner.once('drain', () => done());
  }

  override _final(done: (err?: Error | null) => void): void {
    this.inner.end(() => done());
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.inner.destroy();
    done(err);
  }
}
