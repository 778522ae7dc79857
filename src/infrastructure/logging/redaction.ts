/**
 * Request and response fields never written to a log: credentials. pino replaces
 * them with `[redacted]` wherever a request is logged (pino-http logs headers).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

export const LOG_REDACTION = { paths: REDACTED_LOG_PATHS, censor: '[redacted]' };
