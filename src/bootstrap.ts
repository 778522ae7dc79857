import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { servedOpenApiDocument } from './openapi-document.js';
import type { AppConfig } from './config/app-config.js';
import { BrokerService } from './infrastructure/broker/broker.service.js';
import { createLogger, httpAccessLog } from './infrastructure/logging/logger.js';
import { PinoLoggerService } from './infrastructure/logging/pino-logger.service.js';

export interface RunningApp {
  app: INestApplication;
  /** Base URL of the HTTP API. */
  httpUrl: string;
  /** Ports of the embedded broker (null: that listener is off); null with an external broker. */
  brokerPorts: { mqtt: number | null; ws: number | null; tls: number | null; wss: number | null } | null;
  close(): Promise<void>;
}

/** Starts the service: the same path for `main.ts`, the tests and the benchmarks. */
export async function startApp(
  config: AppConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<RunningApp> {
  const logger = new PinoLoggerService(
    createLogger(config.logLevel, config.logFormat, options.logDestination),
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
  app.use(httpAccessLog(logger.pino));
  app.enableShutdownHooks();
  const document = servedOpenApiDocument(app);
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
