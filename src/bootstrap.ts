import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { pino, type DestinationStream } from 'pino';
import { pinoHttp } from 'pino-http';
import { declareRoles } from './api-keys/openapi-security.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { BrokerService } from './infrastructure/broker/broker.service.js';
import { PinoLoggerService } from './infrastructure/logging/pino-logger.service.js';
import { LOG_REDACTION } from './infrastructure/logging/redaction.js';

export interface RunningApp {
  app: INestApplication;
  /** Base URL of the HTTP API. */
  httpUrl: string;
  /** Ports of the embedded broker (null: that listener is off); null with an external broker. */
  brokerPorts: { mqtt: number | null; ws: number | null; tls: number | null; wss: number | null } | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the JSON log lines go (default stdout): tests read them to see what leaks. */
  logDestination?: DestinationStream;
}

/** Starts the service: the same path for `main.ts`, the tests and the benchmarks. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const logger = new PinoLoggerService(
    pino({ level: config.logLevel, redact: LOG_REDACTION }, options.logDestination ?? pino.destination(1)),
  );
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    // HTTPS when a certificate is configured (the same one the broker's TLS listeners use)
    httpsOptions: config.tls
      ? { key: readFileSync(config.tls.keyFile), cert: readFileSync(config.tls.certFile) }
      : undefined,
  });
  // JSON bodies up to 16 MB (registry imports); CSV bodies are streamed and not parsed here
  app.useBodyParser('json', { limit: '16mb' });
  app.use(
    pinoHttp({
      logger: logger.pino,
      // scrapes and probes would drown the access log
      autoLogging: { ignore: (req) => /^\/(metrics|health)/.test(req.url ?? '') },
    }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fleet telemetry API')
      .setDescription('Devices seen, telemetry, events and dead letters of an equipment fleet.')
      .setVersion('1')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'An API key (fk_…); its role decides what it may do' },
        'api-key',
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description: 'A provisioning key (pk-….…), for POST /api/v1/provisioning',
        },
        'provisioning-key',
      )
      .addSecurityRequirements('api-key')
      .build(),
  );
  const open = [
    ...(config.security.publicHealth ? ['/health'] : []),
    ...(config.security.publicMetrics ? ['/metrics'] : []),
  ];
  declareRoles(document, open);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(config.http.port, config.http.host);
  const server: Server = app.getHttpServer();
  const address = server.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host;
  return {
    app,
    httpUrl: `${config.tls ? 'https' : 'http'}://${host}:${address.port}`,
    brokerPorts: app.get(BrokerService).ports,
    close: () => app.close(),
  };
}
