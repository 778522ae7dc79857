import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { principalOf } from '../api-keys/api-key.guard.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { TypedResponse } from '../common/http/typed-api.js';

export const ConsoleSessionSchema = named(
  'ConsoleSession',
  Type.Object(
    {
      authRequired: Type.Boolean({ description: 'Whether the API asks for an API key.' }),
      role: Nullable(Type.String({ description: 'The role of the key sent; null without one.' })),
      name: Nullable(Type.String({ description: 'The name of the key sent.' })),
    },
    { additionalProperties: false },
  ),
);
export type ConsoleSession = Static<typeof ConsoleSessionSchema>;

/** Who the console is signed in as, so it offers only what the role may do. */
@ApiTags('console')
@Controller('api/v1/console/session')
export class ConsoleSessionController {
  @Get()
  @ApiOperation({ summary: 'The signed-in key’s role, for the console to offer only what it may do' })
  @TypedResponse(ConsoleSessionSchema)
  get(@Req() req: Request): ConsoleSession {
    // the API-key guard put the key's principal on the request; the console offers what its role may
    const p = principalOf(req);
    return p
      ? { authRequired: true, role: p.role, name: p.name }
      : { authRequired: false, role: null, name: null };
  }
}
