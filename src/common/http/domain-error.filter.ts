import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '../domain-error.js';
import { MetricsService } from '../../infrastructure/metrics/metrics.service.js';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.InvalidArgument:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.ResultTooLarge:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
  }
}

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.ResultTooLarge,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.Unavailable,
};

/** The code of an HTTP status raised by Nest or Express itself (unknown route, body parser). */
export function errorCodeOf(status: number): ErrorCode | null {
  return CODE_OF_STATUS[status] ?? (status >= 400 && status < 500 ? ErrorCode.InvalidArgument : null);
}

/** Errors of Express middleware (body-parser) carry their status and a type. */
interface HttpishError {
  status: number;
  type?: string;
  message: string;
}

const isHttpish = (e: unknown): e is HttpishError =>
  e instanceof Error && typeof (e as Partial<HttpishError>).status === 'number';

/**
 * Every error answers `{ error, message }` with one of our codes: domain errors with
 * their status; Nest's and Express's own HTTP errors mapped to the same codes;
 * unknown errors 500 without internals (and logged).
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(private readonly metrics: MetricsService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (error instanceof DomainError) {
      this.send(res, httpStatusOf(error.code), error.code, error.message, error.details);
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : isHttpish(error) ? error.status : 500;
    const code = errorCodeOf(status);
    if (code !== null) {
      this.send(
        res,
        status,
        code,
        messageOf(error),
        error instanceof HttpException ? extraOf(error) : undefined,
      );
      return;
    }
    this.logger.error({ err: error, method: req.method, url: req.url }, 'unhandled error');
    this.metrics.httpRejected.inc({ status: 500, error: 'internal' });
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: 'internal', message: 'internal error' });
  }

  private send(
    res: Response,
    status: number,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): void {
    this.metrics.httpRejected.inc({ status, error: code });
    res.status(status).json({ ...details, error: code, message });
  }
}

function messageOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
    return error.message;
  }
  if (isHttpish(error)) {
    // body-parser: say what to fix
    if (error.type === 'entity.parse.failed') return `the body is not valid JSON: ${error.message}`;
    if (error.type === 'entity.too.large') return `the body is too large: ${error.message}`;
    return error.message;
  }
  return 'error';
}

/** Fields an HttpException carries besides its message (the health check's `details`). */
function extraOf(error: HttpException): Record<string, unknown> | undefined {
  const body = error.getResponse();
  if (typeof body !== 'object') return undefined;
  const rest = Object.entries(body as Record<string, unknown>).filter(
    ([key]) => key !== 'message' && key !== 'error' && key !== 'statusCode',
  );
  return rest.length ? Object.fromEntries(rest) : undefined;
}
