// Builds (tsc -p tsconfig.build.json) when a source changed since the last build:
// `npm start` calls it, and so do the tests that run the built service. Run as a
// program, it builds when stale and exits with tsc's status.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const OUTPUT = join(root, 'dist', 'scripts', 'demo.js');
const SOURCE_DIRS = ['src', 'device-simulator', 'scripts', 'bench', 'test/helpers'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** Newest modification time of the sources the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|cjs|mjs|js)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES)
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** Builds when the build is missing or older than a source; returns tsc's exit status (0: up to date or built). */
export function buildIfStale() {
  if (existsSync(OUTPUT) && newestSource() <= statSync(OUTPUT).mtimeMs) return 0;
  process.stderr.write('Building (TypeScript, once after each change)…\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  return build.status ?? 1;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exit(buildIfStale());
