import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { parseTime } from '../common/http/query-params.js';
import type { ProvisioningKeyView } from './device-identity.js';
import { DeviceIdentityService } from './device-identity.service.js';

interface CreateBody {
  name?: string;
  models?: string[];
  customerId?: string;
  maxDevices?: number;
  reprovision?: boolean;
  expiresAt?: number | string;
}

/** Provisioning keys: admins only. The key is in the answer that creates it, and nowhere else. */
@ApiTags('device identity')
@RequireRole('admin')
@Controller('api/v1/provisioning-keys')
export class ProvisioningKeysController {
  constructor(private readonly identities: DeviceIdentityService) {}

  @Get()
  @ApiOperation({ summary: 'Every provisioning key: scope, limits, use, expiry (never the key)' })
  list(): Promise<ProvisioningKeyView[]> {
    return this.identities.listProvisioningKeys();
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'A key per model (models) or per customer (customerId) that lets new devices obtain credentials; shown once',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        models: { type: 'array', items: { type: 'string' } },
        customerId: { type: 'string' },
        maxDevices: { type: 'integer', minimum: 1 },
        reprovision: { type: 'boolean', description: 'devices it provisioned may be provisioned again' },
        expiresAt: { description: 'epoch ms or ISO 8601' },
      },
    },
  })
  async create(
    @Body() body: CreateBody,
    @Req() req: Request,
  ): Promise<ProvisioningKeyView & { key: string }> {
    if (
      body?.models !== undefined &&
      !(Array.isArray(body.models) && body.models.every((m) => typeof m === 'string'))
    )
      throw new DomainError(ErrorCode.InvalidArgument, 'models: an array of model ids');
    const { record, secret } = await this.identities.createProvisioningKey(
      {
        name: typeof body?.name === 'string' ? body.name : '',
        models: body?.models ?? null,
        customerId: typeof body?.customerId === 'string' ? body.customerId : null,
        maxDevices: body?.maxDevices ?? null,
        reprovision: body?.reprovision === true,
        expiresAt: body?.expiresAt === undefined ? null : parseTime('expiresAt', String(body.expiresAt), 0),
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
  async revoke(@Param('id') id: string): Promise<void> {
    await this.identities.revokeProvisioningKey(id);
  }
}
