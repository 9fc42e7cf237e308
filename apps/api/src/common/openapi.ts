import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';

/** OpenAPI 3 document at /api/openapi.json and a browsable UI at /api/docs, both generated from the code. */
export function setupOpenApi(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Mentorsystemet API')
    .setDescription(
      'Case management for mentor support in Danish municipal employment services. Errors are ' +
        '`application/problem+json` (RFC 9457). Sign in with `POST /api/auth/login`, then send ' +
        '`Authorization: Bearer <accessToken>`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth(SESSION_COOKIE)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    useGlobalPrefix: false,
  });
}
