import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, ProblemCode } from '../common/problem';

/** Every error leaves as RFC 9457 problem details (API.md "Errors"). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    sendProblem(reply, toProblem(exception, request, this.logger));
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): void {
  if (problem.code === 'unauthenticated') reply.header('WWW-Authenticate', 'Bearer');
  // A tenant's append queue drains in a few seconds at most; a second is a fair first wait.
  if (problem.code === 'rate-limited') reply.header('Retry-After', '1');
  reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem.toJSON());
}

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-found',
  406: 'not-acceptable',
  413: 'payload-too-large',
  // Fastify's answer to a path parameter over maxParamLength: no id is that long.
  414: 'validation',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'not-ready',
};

/** Maps what Nest, Fastify or our code threw; anything unexpected is a 500 that says nothing inside. */
export function toProblem(exception: unknown, request: FastifyRequest, logger: Logger): Problem {
  if (exception instanceof Problem) return exception;
  const status = exception instanceof HttpException ? exception.getStatus() : (exception as { statusCode?: number }).statusCode;
  const code = status === undefined ? undefined : CODE_BY_STATUS[status];
  if (code) return new Problem(code, exception instanceof HttpException ? httpExceptionDetail(exception) : fastifyDetail(exception, code));
  logger.error({ err: exception, reqId: request.id }, 'Unhandled error');
  return new Problem('internal', 'The request failed unexpectedly; it has been logged');
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return exception.message;
}

/** Fastify's own messages can quote request content, so they are replaced by ours. */
function fastifyDetail(exception: unknown, code: ProblemCode): string {
  switch (code) {
    case 'unsupported-media-type':
      return 'Unsupported Content-Type: send application/json, application/cloudevents+json or application/cloudevents-batch+json';
    case 'payload-too-large':
      return 'The request body is too large';
    case 'not-found':
      return 'No such resource';
    default:
      return (exception as Error).message;
  }
}
