import { readEnv } from '../src/config/app-config.js';
import { runBacktestCli } from './backtest-cli.js';

process.exitCode = await runBacktestCli(process.argv.slice(2), console, readEnv());
