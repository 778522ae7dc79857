import { Body, Controller, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { Public } from '../api-keys/require-role.decorator.js';
import { provisioningRequestSchema, type ProvisioningRejectReason } from '../contract/index.js';
import { DeviceIdentityService } from './device-identity.service.js';
import { ProvisioningKeyGuard } from './provisioning-key.guard.js';

const STATUS: Record<ProvisioningRejectReason, number> = {
  invalid_request: 400,
  reserved_id: 400,
  model_not_allowed: 403,
  key_exhausted: 403,
  key_invalid: 401,
  device_exists: 409,
  internal_error: 503,
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
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'A new device obtains its own credentials with a provisioning key (Authorization: Bearer pk-….…): 201 with its user name and password, shown once',
  })
  @ApiBody({ schema: provisioningRequestSchema as unknown as Record<string, unknown> })
  async provision(
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const keyId = principalOf(req)!.actor.replace(/^provisioning-key:/, '');
    const answer = await this.identities.provision(keyId, body);
    if (answer.status === 'accepted') return answer;
    res.status(STATUS[answer.reason]);
    return { error: answer.reason, message: answer.message };
  }
}
