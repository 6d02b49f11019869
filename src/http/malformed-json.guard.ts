import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Problem } from '../common/problem';
import { MalformedJsonBody } from './json-body';

/**
 * Registered after ApiKeyGuard, so an unreadable body is a 400 only for a caller who may call the
 * route. A guard, not an interceptor: with no interceptor, Nest runs a route without building an
 * observable pipeline for every request.
 */
@Injectable()
export class MalformedJsonGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (body instanceof MalformedJsonBody) {
      throw new Problem('validation', 'The body is not valid JSON', [{ path: '', message: `the body is not valid JSON: ${body.reason}` }]);
    }
    return true;
  }
}
