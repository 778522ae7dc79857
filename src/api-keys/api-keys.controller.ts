import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { parseTime } from '../common/http/query-params.js';
import type { ApiKeyView } from './api-key.js';
import { principalOf } from './api-key.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { RequireRole } from './require-role.decorator.js';
import { ROLES, type Role } from './roles.js';

interface CreateBody {
  name?: string;
  role?: Role;
  /** Epoch ms or ISO 8601. */
  expiresAt?: number | string | null;
}

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
  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new key with a role; the key is shown once, in this answer' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'role'],
      properties: {
        name: { type: 'string' },
        role: { enum: [...ROLES] },
        expiresAt: { description: 'epoch ms or ISO 8601; absent: never' },
      },
    },
  })
  async create(@Body() body: CreateBody, @Req() req: Request): Promise<ApiKeyView & { key: string }> {
    const expiresAt =
      body?.expiresAt === undefined || body.expiresAt === null
        ? null
        : parseTime('expiresAt', String(body.expiresAt), 0);
    const { record, key } = await this.keys.create(
      { name: body?.name ?? '', role: body?.role as Role, expiresAt },
      principalOf(req)?.actor ?? 'api',
    );
    return { ...record, key };
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new key for the same record; the old key stops working at once' })
  async rotate(@Param('id') id: string): Promise<ApiKeyView & { key: string }> {
    const { record, key } = await this.keys.rotate(id);
    return { ...record, key };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke: the key stops working at once (the record stays, for the audit log)' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
