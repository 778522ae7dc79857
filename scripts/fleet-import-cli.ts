import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';

const USAGE = `Import into a running fleet service over its HTTP API (the file is streamed).

  npm run import -- history --file events.csv --mapping mapping.json [--url URL] [--allow-unknown-devices]
                   [--unknown-components refuse|warn]
  npm run import -- registry <customers|sites|models|devices> --file records.csv|records.json
                   [--mapping mapping.json] [--url URL]

  --url                 the service (default http://127.0.0.1:3000, or FLEET_URL); an API key in
                        FLEET_API_KEY: admin for the registry, analyst for history
  --mapping             JSON file saying which column is what (docs/history-import.md);
                        required for history, optional for a registry CSV
  --unknown-components  history: a component the device's model does not list is refused (default)
                        or taken with a warning (warn)
  --quiet               no progress bar

Importing the same file twice changes nothing. Refused rows are listed with their
line; the others are kept. Exit status: 0 all rows taken, 1 some refused, 2 the
import could not run.`;

interface Report {
  rows: number;
  accepted: number;
  rejected: number;
  errors: Array<{ line: number; id?: string; reason: string }>;
  errorsTruncated: boolean;
  warnings?: Array<{ line: number; reason: string; rows: number }>;
  [more: string]: unknown;
}

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** The import CLI; returns the exit status. The API key comes from `env.FLEET_API_KEY`. */
export async function runImportCli(
  argv: string[],
  out: CliOutput = console,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    return await run(argv, out, env.FLEET_API_KEY);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.error(`fleet-import: ${err.message}`);
    return 2;
  }
}

async function run(argv: string[], out: CliOutput, apiKey: string | undefined): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      mapping: { type: 'string' },
      url: { type: 'string', default: process.env.FLEET_URL ?? 'http://127.0.0.1:3000' },
      'allow-unknown-devices': { type: 'boolean', default: false },
      'unknown-components': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  const [kind, collection] = positionals;
  if (!values.file) fail(`--file is required\n\n${USAGE}`);
  let path: string;
  let contentType = 'text/csv';
  const readMapping = (file: string): string => {
    try {
      return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      fail(`cannot read the mapping ${file}: ${(err as Error).message}`);
    }
  };
  if (kind === 'history') {
    if (!values.mapping) fail('history needs --mapping FILE');
    const q = new URLSearchParams({ mapping: readMapping(values.mapping) });
    if (values['allow-unknown-devices']) q.set('allowUnknownDevices', 'true');
    if (values['unknown-components']) q.set('unknownComponents', values['unknown-components']);
    path = `/api/v1/history/import?${q.toString()}`;
  } else if (kind === 'registry' && collection) {
    const q = values.mapping
      ? `?${new URLSearchParams({ mapping: readMapping(values.mapping) }).toString()}`
      : '';
    path = `/api/v1/registry/${encodeURIComponent(collection)}/import${q}`;
    if (values.file.endsWith('.json')) contentType = 'application/json';
  } else {
    fail(`say what to import: history, or registry <collection>\n\n${USAGE}`);
  }

  let size: number;
  try {
    size = statSync(values.file).size;
  } catch (err) {
    fail(`cannot read ${values.file}: ${(err as Error).message}`);
  }
  const bar = values.quiet
    ? null
    : new SingleBar(
        {
          format: 'uploading {bar} {percentage}% | {value}/{total} MB | {duration_formatted}',
          hideCursor: true,
        },
        Presets.shades_classic,
      );
  bar?.start(Math.max(1, Math.round(size / 1e6)), 0);
  let sent = 0;
  const counted = createReadStream(values.file).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        sent += chunk.length;
        bar?.update(Math.round(sent / 1e6));
        done(null, chunk);
      },
    }),
  );
  let res: Response;
  try {
    res = await fetch(new URL(path, values.url), {
      method: 'POST',
      // an admin (registry) or analyst (history) key; from the environment, never the command line
      headers: {
        'content-type': contentType,
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: Readable.toWeb(counted) as ReadableStream,
      duplex: 'half',
    });
  } catch (err) {
    bar?.stop();
    fail(`cannot reach ${values.url}: ${(err as Error).message}`);
  }
  bar?.update(Math.round(size / 1e6));
  bar?.stop();
  const text = await res.text();
  if (!res.ok) fail(`the service answered ${res.status}: ${text}`);
  const report = JSON.parse(text) as Report;
  const { errors, errorsTruncated, warnings = [], ...totals } = report;
  out.log(JSON.stringify(totals));
  for (const e of errors) out.log(`line ${e.line}${e.id ? ` (${e.id})` : ''}: ${e.reason}`);
  for (const w of warnings)
    out.log(`warning, line ${w.line}${w.rows > 1 ? ` and ${w.rows - 1} more rows` : ''}: ${w.reason}`);
  if (errorsTruncated) out.log(`… and more: ${report.rejected} rows refused in all`);
  return report.rejected > 0 ? 1 : 0;
}
