import { Controller, Get, Req } from '@nestjs/common';
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
  get(@Req() req: { principal?: { name?: string; role?: string } }): ConsoleSession {
    // the API-key guard puts the key's principal on the request; without keys on the
    // server there is none, and everything is open
    const p = req.principal;
    return p
      ? { authRequired: true, role: p.role ?? null, name: p.name ?? null }
      : { authRequired: false, role: null, name: null };
  }
}
