import { execFileSync } from 'node:child_process';

/**
 * KPIs from a simulator ground-truth file by `tools/kpi-from-ground-truth.mjs`, the
 * independent computation (it shares no code with src/). `filter`: `--device ID`,
 * `--model ID`, `--site ID` or `--customer ID`.
 */
export function independentKpis(
  truthFile: string,
  from: number,
  to: number,
  filter: string[] = [],
): Record<string, number> {
  const args = [
    'tools/kpi-from-ground-truth.mjs',
    '--truth',
    truthFile,
    '--from',
    String(from),
    '--to',
    String(to),
  ];
  return JSON.parse(execFileSync(process.execPath, [...args, ...filter], { encoding: 'utf8' })) as Record<
    string,
    number
  >;
}
