import { Controller, Delete, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { parseTime } from '../common/http/query-params.js';
import { TypedBody, TypedParams, TypedResponse } from '../common/http/typed-api.js';
import {
  IssuedProvisioningKey,
  NewProvisioningKeyBody,
  ProvisioningKeyIdParams,
  ProvisioningKeyList,
} from './device-identity.dto.js';
import { DeviceIdentityService } from './device-identity.service.js';

/** Provisioning keys: admins only. The key is in the answer that creates it, and nowhere else. */
@ApiTags('device identity')
@RequireRole('admin')
@Controller('api/v1/provisioning-keys')
export class ProvisioningKeysController {
  constructor(private readonly identities: DeviceIdentityService) {}

  @Get()
  @ApiOperation({ summary: 'Every provisioning key: scope, limits, use, expiry (never the key)' })
  @TypedResponse(ProvisioningKeyList)
  list(): Promise<Static<typeof ProvisioningKeyList>> {
    return this.identities.listProvisioningKeys();
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'A key per model (models) or per customer (customerId) that lets new devices obtain credentials; shown once',
  })
  @TypedResponse(IssuedProvisioningKey, { status: 201 })
  async create(
    @TypedBody(NewProvisioningKeyBody) body: NewProvisioningKeyBody,
    @Req() req: Request,
  ): Promise<IssuedProvisioningKey> {
    const { record, secret } = await this.identities.createProvisioningKey(
      {
        ...body,
        expiresAt: body.expiresAt === undefined ? null : parseTime('expiresAt', String(body.expiresAt), 0),
      },
      principalOf(req)?.actor ?? 'api',
    );
    return { ...record, key: secret };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke: no device provisions with it any more; its open provisioning sessions are dropped',
  })
  @TypedResponse(null, { status: 204, errors: [404] })
  async revoke(@TypedParams(ProvisioningKeyIdParams) p: { id: string }): Promise<void> {
    await this.identities.revokeProvisioningKey(p.id);
  }
}
