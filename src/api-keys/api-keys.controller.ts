import { Controller, Delete, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request } from 'express';
import { parseTime } from '../common/http/query-params.js';
import { TypedBody, TypedParams, TypedResponse } from '../common/http/typed-api.js';
import { principalOf } from './api-key.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeyIdParams, ApiKeyList, CreateApiKeyBody, IssuedApiKey } from './api-keys.dto.js';
import { RequireRole } from './require-role.decorator.js';

/** API keys: admins only. The key itself is in the answer of create and rotate, and nowhere else. */
@ApiTags('api keys')
@RequireRole('admin')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Get()
  @ApiOperation({
    summary: 'Every API key: name, role, prefix, expiry, revocation, last use (never the key)',
  })
  @TypedResponse(ApiKeyList)
  list(): Promise<Static<typeof ApiKeyList>> {
    return this.keys.list();
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new key with a role; the key is shown once, in this answer' })
  @TypedResponse(IssuedApiKey, { status: 201 })
  async create(
    @TypedBody(CreateApiKeyBody) body: CreateApiKeyBody,
    @Req() req: Request,
  ): Promise<IssuedApiKey> {
    const expiresAt =
      body.expiresAt === undefined || body.expiresAt === null
        ? null
        : parseTime('expiresAt', String(body.expiresAt), 0);
    const { record, key } = await this.keys.create(
      { name: body.name, role: body.role, expiresAt },
      principalOf(req)?.actor ?? 'api',
    );
    return { ...record, key };
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new key for the same record; the old key stops working at once' })
  @TypedResponse(IssuedApiKey, { errors: [404] })
  async rotate(@TypedParams(ApiKeyIdParams) p: { id: string }): Promise<IssuedApiKey> {
    const { record, key } = await this.keys.rotate(p.id);
    return { ...record, key };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke: the key stops working at once (the record stays, for the audit log)' })
  @TypedResponse(null, { status: 204, errors: [404] })
  async revoke(@TypedParams(ApiKeyIdParams) p: { id: string }): Promise<void> {
    await this.keys.revoke(p.id);
  }
}
