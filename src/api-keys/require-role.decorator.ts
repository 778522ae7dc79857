import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Role } from './roles.js';

export const REQUIRED_ROLE = Symbol('RequiredRole');
export const PUBLIC_ROUTE = Symbol('PublicRoute');

/**
 * The role a route (or every route of a controller) requires, where the default for
 * its HTTP method is wrong: GET needs `viewer` and anything else `admin` unless
 * declared. Also tells the OpenAPI document (`x-required-role`), for clients that
 * hide what a key may not do.
 *
 *   @RequireRole('operator') @Post(':id/acknowledge') acknowledge(…)
 */
export const RequireRole = (role: Role): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension('x-required-role', role));

/**
 * No API key needed: the route authenticates by other means (a provisioning key) or
 * is meant to be open. Use sparingly; health and metrics are opened by configuration.
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}), ApiExtension('x-public', true));
