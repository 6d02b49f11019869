import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { LedgerConfig } from '../config/ledger-config';
import { requestId } from './logging';
import { MAX_BODY_BYTES, registerJsonBodyParsers } from '../http/json-body';
import { sendProblem, toProblem } from '../http/problem.filter';
import { AppModule } from './app.module';

/** The service, ready to listen: used by `serve` and by the end-to-end tests. */
export async function createApp(config: LedgerConfig): Promise<NestFastifyApplication> {
  const logger = new NestLogger('HTTP');
  const answerWithProblem = (error: unknown, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, toProblem(error, request, logger));
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    return503OnClosing: true,
    genReqId: requestId,
    // Ids in paths may have 128 characters (API.md "Conventions"), more when percent-encoded; Fastify stops at 100.
    routerOptions: { maxParamLength: 512 },
    // A malformed URL or an overlong parameter is refused before routing: problem details too.
    frameworkErrors: answerWithProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bodyParser: false, bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParsers(fastify);
  // Errors raised before a route runs (content type, body size) are problem details too.
  fastify.setErrorHandler(answerWithProblem);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  serveOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}

function serveOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('compliance-ledger')
      .setDescription('Event-sourced compliance audit ledger for dealerships: events, eligibility, proofs and reports. Errors are RFC 9457 problem details.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
