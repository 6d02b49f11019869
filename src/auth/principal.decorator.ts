import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Principal, TenantPrincipal } from './access';

/** The authenticated caller of a route guarded by @Access. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<FastifyRequest>().principal!;
});

/** The calling tenant key, on routes the root key may not call. */
export const CurrentTenantKey = createParamDecorator((_: unknown, context: ExecutionContext): TenantPrincipal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal?.kind !== 'key') throw new Error('CurrentTenantKey used on a route the root key may call');
  return principal;
});
