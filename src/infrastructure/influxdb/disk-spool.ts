import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface SpoolStats {
  batches: number;
  lines: number;
  bytes: number;
  /** Oldest point time in the spool (ms since the epoch); null when empty. */
  oldestTs: number | null;
  full: boolean;
}

interface Entry {
  seq: number;
  lines: number;
  bytes: number;
  oldestTs: number | null;
}

/**
 * Batches of line protocol on disk, first in, first out. Each batch is one file,
 * written to a temporary name, fsynced and renamed, so a crash leaves whole batches
 * or none. The first line of a file is a header: `# lines=N oldest=TS`.
 */
export class DiskSpool {
  private readonly entries: Entry[] = [];
  private nextSeq = 1;
  private bytes = 0;
  private lines = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name.endsWith('.tmp')) {
        unlinkSync(path); // a batch the crash interrupted: its writer never acknowledged it
        continue;
      }
      const m = /^(\d{16})\.lp$/.exec(name);
      if (!m) continue;
      const text = readFileSync(path, 'utf8');
      const header = /^# lines=(\d+) oldest=(-?\d+|null)\n/.exec(text);
      const entry: Entry = {
        seq: Number(m[1]),
        lines: header ? Number(header[1]) : text.split('\n').length - 1,
        bytes: Buffer.byteLength(text),
        oldestTs: header && header[2] !== 'null' ? Number(header[2]) : null,
      };
      this.entries.push(entry);
      this.bytes += entry.bytes;
      this.lines += entry.lines;
      this.nextSeq = Math.max(this.nextSeq, entry.seq + 1);
    }
  }

  stats(): SpoolStats {
    let oldestTs: number | null = null;
    for (const e of this.entries)
      if (e.oldestTs !== null) oldestTs = oldestTs === null ? e.oldestTs : Math.min(oldestTs, e.oldestTs);
    return {
      batches: this.entries.length,
      lines: this.lines,
      bytes: this.bytes,
      oldestTs,
      full: this.bytes >= this.maxBytes,
    };
  }

  get empty(): boolean {
    return this.entries.length === 0;
  }

  /** Room for this many bytes more. */
  hasRoom(bytes: number): boolean {
    return this.entries.length === 0 || this.bytes + bytes <= this.maxBytes;
  }

  /** Appends a batch durably (fsync). The caller checks `hasRoom` first. */
  append(lines: readonly string[], oldestTs: number | null): void {
    const seq = this.nextSeq++;
    const text = `# lines=${lines.length} oldest=${oldestTs ?? 'null'}\n${lines.join('\n')}\n`;
    const path = this.path(seq);
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(`${path}.tmp`, path);
    const entry = { seq, lines: lines.length, bytes: Buffer.byteLength(text), oldestTs };
    this.entries.push(entry);
    this.bytes += entry.bytes;
    this.lines += entry.lines;
  }

  /** The oldest batch, or null. */
  peek(): { seq: number; lines: string[] } | null {
    const first = this.entries[0];
    if (!first) return null;
    const text = readFileSync(this.path(first.seq), 'utf8');
    const body = text.startsWith('# ') ? text.slice(text.indexOf('\n') + 1) : text;
    return { seq: first.seq, lines: body.split('\n').filter((l) => l !== '') };
  }

  /** Drops the oldest batch once it is delivered (or quarantined). */
  shift(seq: number): void {
    const first = this.entries[0];
    if (!first || first.seq !== seq) return;
    unlinkSync(this.path(seq));
    this.entries.shift();
    this.bytes -= first.bytes;
    this.lines -= first.lines;
  }

  private path(seq: number): string {
    return join(this.dir, `${String(seq).padStart(16, '0')}.lp`);
  }
}
