import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { PinoPretty } from 'pino-pretty';
import { LOG_REDACTION } from './redaction.js';

export type LogFormat = 'auto' | 'json' | 'pretty';

/** Pretty on a terminal (or when asked), JSON lines otherwise: what an operator's tools read. */
export function usePretty(format: LogFormat, isTty = process.stdout.isTTY === true): boolean {
  return format === 'pretty' || (format === 'auto' && isTty);
}

/** The process's pino logger; `destination` for tests. */
export function createLogger(level: string, format: LogFormat, destination?: DestinationStream): Logger {
  // credentials never reach a log line, whoever logs a request
  const options = { level, redact: LOG_REDACTION };
  if (destination) return pino(options, destination);
  if (!usePretty(format)) return pino(options);
  return pino(
    options,
    PinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    }),
  );
}

/**
 * One access-log line per request: method, URL, status and time. Never the headers:
 * they carry credentials (Authorization, Cookie) and would drown the log.
 */
export function httpAccessLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, url: req.url }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    // 4xx is the client's business, not ours: info; 5xx: error
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    // scrapes and probes would drown the access log
    autoLogging: { ignore: (req) => /^\/(metrics|health)/.test(req.url ?? '') },
  });
}
