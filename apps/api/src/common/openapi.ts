import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { ProblemDto } from './problem.dto';

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: `#/components/schemas/${ProblemDto.name}` } },
};

/** Every error answer is a problem document: 400 and 500 on every route, 4xx where declared. */
function addProblemResponses(document: OpenAPIObject) {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, { description: string; content?: unknown }>;
      responses['400'] ??= { description: 'Malformed JSON, unknown fields or invalid values.' };
      responses['500'] ??= { description: 'Unexpected error.' };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) response.content = PROBLEM_CONTENT;
      }
    }
  }
}

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
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  addProblemResponses(document);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    useGlobalPrefix: false,
  });
}
