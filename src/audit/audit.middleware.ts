import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { isWriteMethod } from '../api-keys/roles.js';
import { AuditService } from './audit.service.js';

/**
 * Records every write (any method but GET, HEAD, OPTIONS) once answered: who (the
 * key the guard accepted), what (method and route), the path, and the status.
 * Requests refused for a missing or wrong key name no one: they are counted in
 * `fleet_http_auth_failures_total` instead, so junk cannot flood the log.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly audit: AuditService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (isWriteMethod(req.method)) {
      const at = Date.now();
      // read now: by 'finish' the socket may be gone
      const source = req.socket?.remoteAddress ?? null;
      res.once('finish', () => {
        const who = principalOf(req);
        if (!who) return;
        const route = (req.route as { path?: string } | undefined)?.path;
        this.audit.record({
          at,
          actor: who.actor,
          actorName: who.name,
          role: who.role,
          action: `${req.method} ${route ?? req.path}`,
          target: req.originalUrl.split('?')[0].slice(0, 512),
          status: res.statusCode,
          source,
        });
      });
    }
    next();
  }
}
