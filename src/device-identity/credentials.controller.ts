import { Controller, Delete, Get, Header, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { checkLimit, decodeCursor, encodeCursor } from '../common/http/query-params.js';
import { TypedBody, TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import type { MqttCredentialView } from './device-identity.js';
import {
  CredentialIdParams,
  CredentialPage,
  CredentialQuery,
  CredentialSchema,
  IssuedCredential,
  NewDeviceBody,
  NewGatewayBody,
  PatchCredentialBody,
} from './device-identity.dto.js';
import { DeviceIdentityService } from './device-identity.service.js';

const actor = (req: Request): string => principalOf(req)?.actor ?? 'api';
const issued = (record: MqttCredentialView, secret: string | null): IssuedCredential => ({
  credential: record,
  username: record.id,
  password: secret,
});

/**
 * Broker credentials of devices and gateways. Provisioners (a factory station) may
 * list them and issue device credentials; everything else is for admins. A secret is
 * in the answer that issues it, and nowhere else.
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
  @TypedResponse(CredentialPage)
  async list(@TypedQuery(CredentialQuery) q: CredentialQuery): Promise<Static<typeof CredentialPage>> {
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const page = await this.identities.listCredentials({
      kind: q.kind,
      after,
      limit: checkLimit(q.limit, 100, 1000),
    });
    return { data: page.items, nextCursor: page.next === null ? null : encodeCursor(page.next) };
  }

  @Get(':id')
  @RequireRole('provisioner')
  @ApiOperation({ summary: 'One device or gateway' })
  @TypedResponse(CredentialSchema, { errors: [404] })
  get(@TypedParams(CredentialIdParams) p: { id: string }): Promise<MqttCredentialView> {
    return this.identities.getCredential(p.id);
  }

  @Post('devices')
  @RequireRole('provisioner')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Credentials for a device: user name = device id and a new secret, shown once. certificateOnly: a client certificate instead; 409 when it has some',
  })
  @TypedResponse(IssuedCredential, { status: 201, errors: [409] })
  async createDevice(
    @TypedBody(NewDeviceBody) body: NewDeviceBody,
    @Req() req: Request,
  ): Promise<IssuedCredential> {
    const { record, secret } = await this.identities.issueDeviceCredential(body, actor(req));
    return issued(record, secret);
  }

  @Post('gateways')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A gateway (id gw-…) that publishes for the devices listed and/or every device of a customer',
  })
  @TypedResponse(IssuedCredential, { status: 201, errors: [409] })
  async createGateway(
    @TypedBody(NewGatewayBody) body: NewGatewayBody,
    @Req() req: Request,
  ): Promise<IssuedCredential> {
    const { record, secret } = await this.identities.createGateway(
      body.gatewayId,
      { devices: body.devices, customerId: body.customerId },
      actor(req),
    );
    return issued(record, secret);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'enabled: false drops the live session at once and refuses the next; devices/customerId change a gateway (its session restarts)',
  })
  @TypedResponse(CredentialSchema, { errors: [404] })
  async patch(
    @TypedParams(CredentialIdParams) p: { id: string },
    @TypedBody(PatchCredentialBody) body: PatchCredentialBody,
  ): Promise<MqttCredentialView> {
    let result: MqttCredentialView | null = null;
    if (body.devices !== undefined || body.customerId !== undefined) {
      const current = await this.identities.getCredential(p.id);
      if (current.kind !== 'gateway')
        throw new DomainError(ErrorCode.InvalidArgument, 'devices and customerId are for gateways');
      result = await this.identities.setGatewayScope(p.id, {
        devices: body.devices ?? current.devices,
        customerId: body.customerId === undefined ? current.customerId : body.customerId,
      });
    }
    if (body.enabled !== undefined) result = await this.identities.setEnabled(p.id, body.enabled);
    return result ?? this.identities.getCredential(p.id);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A new secret, shown once; the old one stops working and the live session is dropped',
  })
  @TypedResponse(IssuedCredential, { errors: [404] })
  async rotate(@TypedParams(CredentialIdParams) p: { id: string }): Promise<IssuedCredential> {
    const { record, secret } = await this.identities.rotate(p.id);
    return issued(record, secret);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the credentials; the live session is dropped at once' })
  @TypedResponse(null, { status: 204, errors: [404] })
  async remove(@TypedParams(CredentialIdParams) p: { id: string }): Promise<void> {
    await this.identities.deleteCredential(p.id);
  }
}
