import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * Who makes a request, for histories and audit: the principal the API-key guard puts
 * on the request (`api-key:<id>`), or `anonymous` where the API runs without keys.
 */
export const Actor = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<{ principal?: { actor?: string } }>();
  return req.principal?.actor ?? 'anonymous';
});
