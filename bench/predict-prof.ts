import { simulateHistory } from './prediction-data.js';
import { trainPredictor } from '../src/predictions/failure-predictor.js';
const sim = simulateHistory({ devices: Number(process.argv[2] ?? 300), days: 730, seed: 11 });
const t1 = performance.now();
trainPredictor(sim.history, sim.end);
console.log('train s', ((performance.now() - t1) / 1000).toFixed(1));
