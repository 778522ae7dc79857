import { runImportCli } from './fleet-import-cli.js';

process.exitCode = await runImportCli(process.argv.slice(2));
