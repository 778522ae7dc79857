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
 * Guards a connection (TCP, TLS or WebSocket stream) before aedes parses a byte of
 * it: aedes 1.x has no packet size limit, and its parser would buffer a 250 MB
 * publish whole before anyone could refuse it. Every chunk the stream receives is
 * scanned where it enters the stream (its `push`), so the connection is destroyed
 * as soon as a packet announces more than `maxPacketBytes`, before the chunk is
 * buffered. Hooking `push` rather than piping through a Duplex keeps the socket's
 * own flow control: a Duplex in between cost 95% of the broker's throughput.
 */
export function guardPacketSize<S extends Duplex>(
  stream: S,
  maxPacketBytes: number,
  onRefused: (problem: PacketProblem) => void,
): S {
  const scanner = new MqttFrameScanner(maxPacketBytes);
  const push = stream.push.bind(stream);
  let refused = false;
  stream.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (refused) return false;
    if (chunk instanceof Uint8Array) {
      const problem = scanner.scan(chunk);
      if (problem) {
        refused = true;
        onRefused(problem);
        stream.destroy();
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return stream;
}
