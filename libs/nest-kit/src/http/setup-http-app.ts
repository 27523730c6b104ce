import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

/** What `/docs` says about a service. */
export interface ApiDescription {
  title: string;
  description: string;
  version?: string;
}

/**
 * The HTTP side every service shares: pino as Nest's logger, OpenAPI at `/docs` (JSON at
 * `/docs-json`), and shutdown hooks so SIGTERM stops consumers, finishes in-flight work and
 * closes connections before the process exits.
 */
export function setupHttpApp(app: INestApplication, api: ApiDescription): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(api.title).setDescription(api.description).setVersion(api.version ?? '1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
}
