import { parentPort, workerData } from 'node:worker_threads';
import { trainAndBacktest, type TrainingInput } from './prediction-training.js';

// a training runs for minutes on a large fleet: off the service's event loop, so ingest and the API go on
parentPort!.postMessage(trainAndBacktest(workerData as TrainingInput));
