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

/** Domain errors → their status with a reason; unknown errors → 500 without internals. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(private readonly metrics: MetricsService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (error instanceof DomainError) {
      const status = httpStatusOf(error.code);
      this.metrics.httpRejected.inc({ status, error: error.code });
      res.status(status).json({ error: error.code, message: error.message, ...error.details });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      if (typeof body === 'object' && 'details' in body) {
        // health checks answer 503 with what is down and why: keep it
        this.metrics.httpRejected.inc({ status, error: 'unavailable' });
        res.status(status).json(body);
        return;
      }
      const message =
        typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
      const code = status === 404 ? ErrorCode.NotFound : 'http_error';
      this.metrics.httpRejected.inc({ status, error: code });
      res.status(status).json({ error: code, message });
      return;
    }
    this.logger.error({ err: error, method: req.method, url: req.url }, 'unhandled error');
    this.metrics.httpRejected.inc({ status: 500, error: 'internal' });
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: 'internal', message: 'internal error' });
  }
}
