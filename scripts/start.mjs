// `npm start`: builds when a source changed since the last build (a fresh clone
// builds once), then runs the demo in this very process, so Ctrl-C and SIGTERM
// reach it directly (package.json starts it with `exec`, no shell in between).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const status = buildIfStale();
if (status !== 0) process.exit(status);
await import(pathToFileURL(join(import.meta.dirname, '..', 'dist', 'scripts', 'demo.js')).href);
