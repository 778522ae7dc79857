// Builds (tsc -p tsconfig.build.json, and the web console with scripts/build-console.mjs)
// when a source changed since the last build: `npm start` calls it, and so do the tests
// that run the built service. Run as a program, it builds when stale and exits with the
// builds' status.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const OUTPUT = join(root, 'dist', 'scripts', 'demo.js');
const SOURCE_DIRS = ['src', 'device-simulator', 'scripts', 'bench', 'test/helpers'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const CONSOLE_OUTPUT = join(root, 'dist', 'console', 'console.js');
// the console bundles the typed API client too
const CONSOLE_DIRS = ['web', 'src/api-client'];
const CONSOLE_FILES = ['scripts/build-console.mjs', 'package.json', 'package-lock.json'];

/** Newest modification time of the sources a build reads. */
function newestSource(dirs, files, pattern) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of files)
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

const stale = (output, dirs, files, pattern) =>
  !existsSync(output) || newestSource(dirs, files, pattern) > statSync(output).mtimeMs;

/** Builds what is missing or older than a source; returns the exit status (0: up to date or built). */
export function buildIfStale() {
  if (stale(OUTPUT, SOURCE_DIRS, SOURCE_FILES, /\.(ts|cjs|mjs|js)$/)) {
    process.stderr.write('Building (TypeScript, once after each change)…\n');
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    if (build.status !== 0) return build.status ?? 1;
  }
  if (stale(CONSOLE_OUTPUT, CONSOLE_DIRS, CONSOLE_FILES, /\.(ts|css|html)$/)) {
    process.stderr.write('Building the web console (once after each change)…\n');
    const bundle = spawnSync(process.execPath, [join(root, 'scripts', 'build-console.mjs')], {
      stdio: 'inherit',
    });
    if (bundle.status !== 0) return bundle.status ?? 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exit(buildIfStale());
