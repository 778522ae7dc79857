import { Controller, Header, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { Public } from '../api-keys/require-role.decorator.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { TypedBody, TypedResponse } from '../common/http/typed-api.js';
import type { ProvisioningRejectReason } from '../contract/index.js';
import { ProvisioningAccepted, ProvisioningBody } from './device-identity.dto.js';
import { DeviceIdentityService } from './device-identity.service.js';
import { ProvisioningKeyGuard } from './provisioning-key.guard.js';

const CODE: Record<ProvisioningRejectReason, ErrorCode> = {
  invalid_request: ErrorCode.InvalidArgument,
  reserved_id: ErrorCode.InvalidArgument,
  model_not_allowed: ErrorCode.Forbidden,
  key_exhausted: ErrorCode.Forbidden,
  key_invalid: ErrorCode.Unauthenticated,
  device_exists: ErrorCode.Conflict,
  internal_error: ErrorCode.Unavailable,
};

/** Provisioning over HTTP: the same request and answer as over MQTT (docs/mqtt-contract.md). */
@ApiTags('provisioning')
@Controller('api/v1/provisioning')
export class ProvisioningController {
  constructor(private readonly identities: DeviceIdentityService) {}

  @Post()
  @Public()
  @UseGuards(ProvisioningKeyGuard)
  @ApiSecurity('provisioning-key')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'A new device obtains its own credentials with a provisioning key (Authorization: Bearer pk-….…): its user name and password, shown once. A refusal says why in `reason`.',
  })
  @TypedResponse(ProvisioningAccepted, { status: 201, errors: [403, 409, 503] })
  async provision(
    @TypedBody(ProvisioningBody) body: ProvisioningBody,
    @Req() req: Request,
  ): Promise<ProvisioningAccepted> {
    const keyId = principalOf(req)!.actor.replace(/^provisioning-key:/, '');
    const answer = await this.identities.provision(keyId, body);
    if (answer.status === 'accepted') return answer;
    throw new DomainError(CODE[answer.reason], answer.message, { reason: answer.reason });
  }
}
