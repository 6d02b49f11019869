import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { Problem } from '../common/problem';
import { MalformedJsonBody } from './json-body';

/** Runs after the guards, so an unreadable body is a 400 only for a caller who may call the route. */
@Injectable()
export class MalformedJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (body instanceof MalformedJsonBody) {
      throw new Problem('validation', 'The body is not valid JSON', [{ path: '', message: `the body is not valid JSON: ${body.reason}` }]);
    }
    return next.handle();
  }
}
