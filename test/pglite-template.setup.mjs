// Jest global set-up: one empty PGlite cluster per test run. startTestApp copies it into a
// new DATA_DIR (half a second) instead of letting each app run initdb (several seconds on a
// busy machine). Fresh initdb stays covered: the records contract suites, the migration
// tests and the kill -9 test open new folders themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export default async function createPgliteTemplate() {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-pglite-template-'));
  const db = await PGlite.create({ dataDir: join(dir, 'records') });
  await db.close();
  process.env.FLEET_TEST_PGLITE_TEMPLATE = join(dir, 'records');
}
