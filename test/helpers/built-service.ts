import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { eventually } from './test-app.js';

/** Builds `dist/` when a source is newer than the last build (as `npm start` does). */
export function buildService(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
}

/** The built service (`dist/src/main.js`) in its own process, so it can be killed for real. */
export function startService(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['dist/src/main.js'], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

/** Waits until `GET /health/ready` answers 200. */
export async function whenReady(url: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => ((await fetch(`${url}/health/ready`).catch(() => null))?.status === 200 ? true : undefined),
    timeoutMs,
    `service at ${url} ready`,
  );
}
