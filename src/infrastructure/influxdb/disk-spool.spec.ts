import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskSpool } from './disk-spool.js';

describe(DiskSpool.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives batches back first in, first out, and survives a restart with its stats', () => {
    const spool = new DiskSpool(dir, 1 << 20);
    spool.append(['a 1', 'b 2'], 1);
    spool.append(['c 3'], 3);
    const reopened = new DiskSpool(dir, 1 << 20);
    expect(reopened.stats()).toMatchObject({ batches: 2, lines: 3, oldestTs: 1, full: false });
    const first = reopened.peek()!;
    expect(first.lines).toEqual(['a 1', 'b 2']);
    reopened.shift(first.seq);
    expect(reopened.peek()!.lines).toEqual(['c 3']);
    expect(reopened.stats()).toMatchObject({ batches: 1, lines: 1, oldestTs: 3 });
  });

  it('drops a half-written batch a crash left behind, and numbers new batches after the old ones', () => {
    new DiskSpool(dir, 1 << 20).append(['a 1'], 1);
    writeFileSync(join(dir, '0000000000000002.lp.tmp'), '# lines=5 oldest=2\nhalf');
    const spool = new DiskSpool(dir, 1 << 20);
    expect(existsSync(join(dir, '0000000000000002.lp.tmp'))).toBe(false);
    spool.append(['b 2'], 2);
    expect(readdirSync(dir).sort()).toEqual(['0000000000000001.lp', '0000000000000002.lp']);
  });

  it('says when a batch would not fit, but always takes one into an empty spool', () => {
    const spool = new DiskSpool(dir, 200);
    expect(spool.hasRoom(1000)).toBe(true);
    spool.append(['x'.repeat(80)], null);
    expect(spool.hasRoom(100)).toBe(false);
    expect(spool.stats().full).toBe(false);
  });
});
