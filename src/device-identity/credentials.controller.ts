import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { decodeCursor, encodeCursor, parseEnum, parseLimit } from '../common/http/query-params.js';
import type { MqttCredentialView } from './device-identity.js';
import { DeviceIdentityService } from './device-identity.service.js';

interface DeviceBody {
  deviceId: string;
  modelId?: string | null;
  customerId?: string | null;
  certificateOnly?: boolean;
  certificateFingerprint?: string | null;
}

interface GatewayBody {
  gatewayId: string;
  devices?: string[];
  customerId?: string | null;
}

interface PatchBody {
  enabled?: boolean;
  devices?: string[];
  customerId?: string | null;
}

type Issued = { credential: MqttCredentialView; username: string; password: string | null };

const actor = (req: Request): string => principalOf(req)?.actor ?? 'api';

/**
 * Broker credentials of devices and gateways. Provisioners (a factory station) may
 * issue device credentials; everything else is for admins. A secret is in the
 * answer that issues it, and nowhere else.
 */
@ApiTags('device identity')
@RequireRole('admin')
@Controller('api/v1/credentials')
export class CredentialsController {
  constructor(private readonly identities: DeviceIdentityService) {}

  @Get()
  @RequireRole('provisioner')
  @ApiOperation({
    summary: 'Devices and gateways with broker credentials, by id (never a secret or its hash)',
  })
  @ApiQuery({ name: 'kind', required: false, enum: ['device', 'gateway'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  async list(@Query() q: Record<string, string | undefined>): Promise<Page<MqttCredentialView>> {
    const kind = q.kind ? parseEnum('kind', q.kind, ['device', 'gateway'] as const, 'device') : undefined;
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const page = await this.identities.listCredentials({
      kind,
      after,
      limit: parseLimit(q.limit, 100, 1000),
    });
    return { data: page.items, nextCursor: page.next === null ? null : encodeCursor(page.next) };
  }

  @Get(':id')
  @RequireRole('provisioner')
  @ApiOperation({ summary: 'One device or gateway' })
  get(@Param('id') id: string): Promise<MqttCredentialView> {
    return this.identities.getCredential(id);
  }

  @Post('devices')
  @RequireRole('provisioner')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Credentials for a device: user name = device id and a new secret, shown once. certificateOnly: no secret (a client certificate instead); 409 when it has some',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['deviceId'],
      properties: {
        deviceId: { type: 'string' },
        modelId: { type: 'string' },
        customerId: { type: 'string' },
        certificateOnly: { type: 'boolean' },
        certificateFingerprint: {
          type: 'string',
          description: 'SHA-256 of the one certificate allowed, hex',
        },
      },
    },
  })
  async createDevice(@Body() body: DeviceBody, @Req() req: Request): Promise<Issued> {
    if (typeof body?.deviceId !== 'string')
      throw new DomainError(ErrorCode.InvalidArgument, 'deviceId is required');
    const { record, secret } = await this.identities.issueDeviceCredential(
      {
        deviceId: body.deviceId,
        modelId: optionalString('modelId', body.modelId),
        customerId: optionalString('customerId', body.customerId),
        certificateOnly: body.certificateOnly === true,
        certificateFingerprint: optionalString('certificateFingerprint', body.certificateFingerprint),
      },
      actor(req),
    );
    return { credential: record, username: record.id, password: secret };
  }

  @Post('gateways')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A gateway (id gw-…) that publishes for the devices listed and/or every device of a customer',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['gatewayId'],
      properties: {
        gatewayId: { type: 'string' },
        devices: { type: 'array', items: { type: 'string' } },
        customerId: { type: 'string' },
      },
    },
  })
  async createGateway(@Body() body: GatewayBody, @Req() req: Request): Promise<Issued> {
    if (typeof body?.gatewayId !== 'string')
      throw new DomainError(ErrorCode.InvalidArgument, 'gatewayId is required');
    const { record, secret } = await this.identities.createGateway(
      body.gatewayId,
      { devices: stringList(body.devices), customerId: optionalString('customerId', body.customerId) },
      actor(req),
    );
    return { credential: record, username: record.id, password: secret };
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'enabled: false drops the live session at once and refuses the next; devices/customerId change a gateway (its session restarts)',
  })
  async patch(@Param('id') id: string, @Body() body: PatchBody): Promise<MqttCredentialView> {
    let result: MqttCredentialView | null = null;
    if (body?.devices !== undefined || body?.customerId !== undefined) {
      const current = await this.identities.getCredential(id);
      result = await this.identities.setGatewayScope(id, {
        devices: body.devices === undefined ? current.devices : stringList(body.devices),
        customerId:
          body.customerId === undefined ? current.customerId : optionalString('customerId', body.customerId),
      });
    }
    if (body?.enabled !== undefined) {
      if (typeof body.enabled !== 'boolean')
        throw new DomainError(ErrorCode.InvalidArgument, 'enabled: true or false');
      result = await this.identities.setEnabled(id, body.enabled);
    }
    return result ?? this.identities.getCredential(id);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A new secret, shown once; the old one stops working and the live session is dropped',
  })
  async rotate(@Param('id') id: string): Promise<Issued> {
    const { record, secret } = await this.identities.rotate(id);
    return { credential: record, username: record.id, password: secret };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the credentials; the live session is dropped at once' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.identities.deleteCredential(id);
  }
}

function optionalString(name: string, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > 128)
    throw new DomainError(ErrorCode.InvalidArgument, `${name}: a string`);
  return v;
}

function stringList(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'string'))
    throw new DomainError(ErrorCode.InvalidArgument, 'devices: an array of device ids');
  return v;
}
