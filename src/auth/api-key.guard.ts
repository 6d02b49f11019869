import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Problem } from '../common/problem';
import { KeyMaterial } from '../security/key-material';
import { TenantRegistry } from '../tenants/tenant-registry';
import { ACCESS_METADATA, Caller, Principal } from './access';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Bearer-key authentication and role checks (API.md "Authentication"): a missing, unknown or
 * revoked key is 401; a known key of the wrong role — or the root key on a data endpoint — is 403.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: KeyMaterial,
    private readonly tenants: TenantRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Caller[] | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!allowed) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = bearerKey(request.headers.authorization);
    if (!presented) throw new Problem('unauthenticated', 'Send an API key as "Authorization: Bearer <key>"');
    if (this.keys.isRootKey(presented)) {
      if (!allowed.includes('root')) throw new Problem('forbidden', 'The root key manages tenants and keys and reads no tenant data');
      request.principal = { kind: 'root' };
      return true;
    }
    const holder = await this.tenants.authenticate(presented);
    if (!holder) throw new Problem('unauthenticated', 'The API key is unknown or revoked');
    if (!allowed.includes(holder.role)) throw new Problem('forbidden', `A key with role ${holder.role} may not do this`);
    request.principal = { kind: 'key', ...holder };
    return true;
  }
}

function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
