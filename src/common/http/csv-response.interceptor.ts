import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { ResponseFormat } from './api-schemas.js';
import { toCsv } from './csv.js';
import { CSV_SHAPE, TYPED_ENDPOINT, TYPED_QUERY, type CsvShape } from './typed-api.js';

/** `format=csv`, or an Accept header that prefers text/csv over JSON. */
export function requestedFormat(format: unknown, accept: string | undefined): ResponseFormat {
  if (format === 'csv' || format === 'json') return format;
  return accept?.includes('text/csv') && !accept.includes('application/json') ? 'csv' : 'json';
}

/**
 * For endpoints declared with `@TypedResponse`: refuses query parameters where the
 * endpoint declares none (a `format=csv` or a typo is told, not ignored), and answers
 * CSV where it is declared (`{ csv }`) and asked for: the rows of the answer under a
 * header of the columns, the paging cursor in `X-Next-Cursor`. The handler returns
 * the same object either way.
 */
@Injectable()
export class CsvResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const req = context.switchToHttp().getRequest<Request>();
    if (
      this.reflector.get<boolean>(TYPED_ENDPOINT, handler) &&
      !this.reflector.get<boolean>(TYPED_QUERY, handler)
    ) {
      const names = Object.keys(req.query);
      if (names.length)
        throw new DomainError(
          ErrorCode.InvalidArgument,
          `this endpoint takes no query parameters; unknown query parameter "${names[0]}"`,
        );
    }
    const shape = this.reflector.get<CsvShape<unknown> | undefined>(CSV_SHAPE, handler);
    if (!shape) return next.handle();
    if (requestedFormat((req.query as Record<string, unknown>).format, req.headers.accept) !== 'csv')
      return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const rows = (shape.rows ? shape.rows(body) : (body as { data: object[] }).data) as Array<
          Record<string, unknown>
        >;
        const cursor = (body as { nextCursor?: unknown }).nextCursor;
        if (typeof cursor === 'string') res.setHeader('X-Next-Cursor', cursor);
        res.type('text/csv');
        return toCsv(shape.columns, rows);
      }),
    );
  }
}
