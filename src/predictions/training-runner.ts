import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { trainAndBacktest, type TrainingInput, type TrainingOutput } from './prediction-training.js';

const WORKER = new URL('./prediction-training.worker.js', import.meta.url);

/**
 * Runs a training in a worker thread when the compiled worker is there (the built
 * service), else in this thread (the TypeScript sources under test): the same pure
 * function either way.
 */
export function runTraining(input: TrainingInput): Promise<TrainingOutput> {
  if (!existsSync(fileURLToPath(WORKER))) return Promise.resolve(trainAndBacktest(input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input });
    worker.once('message', (out: TrainingOutput) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker exited with code ${code}`));
    });
  });
}
