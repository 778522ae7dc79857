import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthThrottle } from '../common/auth-throttle.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { bearerToken, type Principal } from './api-key.js';
import { ApiKeyService, type AuthFailureReason } from './api-key.service.js';
import { ApiKeysMetrics } from './api-keys.metrics.js';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './require-role.decorator.js';
import { defaultRoleFor, roleSatisfies, type Role } from './roles.js';

const MESSAGES: Record<AuthFailureReason, string> = {
  missing_key: 'an API key is needed: Authorization: Bearer <key>',
  invalid_key: 'the API key is not valid',
  revoked_key: 'the API key is not valid',
  expired_key: 'the API key has expired',
};

/** The principal the guard put on a request; undefined on public routes. */
export function principalOf(req: Request): Principal | undefined {
  return (req as Request & { principal?: Principal }).principal;
}

export function setPrincipal(req: Request, principal: Principal): void {
  (req as Request & { principal?: Principal }).principal = principal;
}

/**
 * The one guard in front of every route (registered globally): an API key in
 * `Authorization: Bearer`, and the role the route requires, declared with
 * `@RequireRole` or else the default for its method (GET viewer, writes admin). So a
 * controller added later is guarded without a line of its own. Health and metrics
 * are open when configured so. Failures are counted and slowed down per address.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly openPrefixes: string[];

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly throttle: AuthThrottle,
    private readonly metrics: ApiKeysMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.openPrefixes = [
      ...(config.security.publicHealth ? ['/health/', '/health'] : []),
      ...(config.security.publicMetrics ? ['/metrics'] : []),
    ];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (this.isOpen(req.path)) return true;

    const result = await this.keys.authenticate(bearerToken(req.headers.authorization));
    if (!result.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="fleet"');
      await holdFailure(this.throttle, this.metrics, req, res, result.reason);
      throw new DomainError(ErrorCode.Unauthenticated, MESSAGES[result.reason]);
    }
    const { key } = result;
    setPrincipal(req, { actor: `api-key:${key.id}`, name: key.name, role: key.role });
    const required =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ??
      defaultRoleFor(req.method);
    if (!roleSatisfies(key.role, required)) {
      this.metrics.authFailures.inc({ reason: 'forbidden' });
      throw new DomainError(ErrorCode.Forbidden, `this needs the ${required} role; the key is ${key.role}`, {
        requiredRole: required,
      });
    }
    return true;
  }

  private isOpen(path: string): boolean {
    return this.openPrefixes.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
  }
}

/**
 * Counts a failed authentication and holds its answer, longer with each failure
 * from the address; too many: 429 at once. A missing key is no guess: counted only.
 */
export async function holdFailure(
  throttle: AuthThrottle,
  metrics: ApiKeysMetrics,
  req: Request,
  res: Response,
  reason: AuthFailureReason,
): Promise<void> {
  if (reason !== 'missing_key') {
    const verdict = throttle.failure(req.socket.remoteAddress ?? '', Date.now());
    if (verdict.tooMany) {
      metrics.authFailures.inc({ reason: 'too_many_failures' });
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
      throw new DomainError(ErrorCode.TooManyRequests, 'too many failed authentications from this address');
    }
    if (verdict.holdMs > 0) await new Promise((r) => setTimeout(r, verdict.holdMs));
  }
  metrics.authFailures.inc({ reason });
}
