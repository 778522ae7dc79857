import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { bearerToken } from '../api-keys/api-key.js';
import { holdFailure, setPrincipal } from '../api-keys/api-key.guard.js';
import { ApiKeysMetrics } from '../api-keys/api-keys.metrics.js';
import { AuthThrottle } from '../common/auth-throttle.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { provisioningKeyUsable } from './device-identity.js';
import { DeviceIdentityService } from './device-identity.service.js';

/**
 * HTTP provisioning authenticates with a provisioning key (`Authorization: Bearer
 * pk-….…`), not an API key. Failures are counted and slowed down like any other.
 */
@Injectable()
export class ProvisioningKeyGuard implements CanActivate {
  constructor(
    private readonly identities: DeviceIdentityService,
    private readonly throttle: AuthThrottle,
    private readonly metrics: ApiKeysMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const token = bearerToken(req.headers.authorization);
    const key = token === null ? null : await this.identities.verifyProvisioningKey(token);
    if (key && provisioningKeyUsable(key, Date.now())) {
      setPrincipal(req, { actor: `provisioning-key:${key.id}`, name: key.name, role: 'device' });
      return true;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="fleet-provisioning"');
    await holdFailure(
      this.throttle,
      this.metrics,
      req,
      res,
      token === null ? 'missing_key' : key ? 'expired_key' : 'invalid_key',
    );
    throw new DomainError(
      ErrorCode.Unauthenticated,
      token === null
        ? 'a provisioning key is needed: Authorization: Bearer <key>'
        : 'the provisioning key is not valid',
    );
  }
}
