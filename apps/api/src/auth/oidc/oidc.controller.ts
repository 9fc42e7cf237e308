import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { OIDC_ERROR_PARAM, type OidcErrorCode, type OidcProviderOption } from '@mentor/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Public } from '../access.decorators';
import { readCookie, setSessionCookie } from '../session-cookie';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_SECONDS, safeReturnPath } from './oidc-flow';
import { OidcFailure, UnknownOidcProviderException } from './oidc.exception';
import { OidcService } from './oidc.service';

class OidcProviderOptionDto implements OidcProviderOption {
  @ApiProperty({ example: 'kk', description: 'The slug in `/api/auth/oidc/{provider}/start`.' }) id: string;
  @ApiProperty({ example: 'Københavns Kommune' }) name: string;
}

// The flow cookie must survive the provider's redirect back, a cross-site top-level GET: Lax, not Strict.
const flowCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/api/auth/oidc',
});

const providerParam = ApiParam({
  name: 'provider',
  description: 'A provider id from `GET /api/auth/oidc/providers`.',
});

/**
 * Sign-in with a municipality's OpenID Connect provider. The browser navigates here (no fetch):
 * start sends it to the provider, the provider back to callback, and callback on to the web app,
 * or to the sign-in page with `?oidcError=<code>` when the sign-in is refused.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('Oidc');

  constructor(
    private readonly oidc: OidcService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get('providers')
  @Public()
  @ApiOkResponse({
    type: [OidcProviderOptionDto],
    description: 'The OpenID Connect providers one may sign in with, for the sign-in page (may be empty).',
  })
  providers(): OidcProviderOptionDto[] {
    return this.oidc.providers();
  }

  @Get(':provider/start')
  @Public()
  @providerParam
  @ApiQuery({
    name: 'returnUrl',
    required: false,
    description: 'A path of the web app to go to after signing in; `/` by default.',
  })
  @ApiFoundResponse({
    headers: { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } },
    description:
      'To the provider (authorization code flow with PKCE), with an encrypted 10-minute flow cookie; ' +
      'to `/login?oidcError=unavailable` when the provider cannot be reached.',
  })
  @ApiNotFoundResponse({ description: 'No provider with this id is configured.' })
  async start(
    @Param('provider') providerId: string,
    @Query('returnUrl') returnUrl: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.oidc.provider(providerId)) throw new UnknownOidcProviderException();
    const origin = `${request.protocol}://${request.host}`;
    try {
      const { location, cookie } = await this.oidc.start(providerId, origin, safeReturnPath(returnUrl));
      this.http.setCookie?.(reply, OIDC_FLOW_COOKIE, cookie, {
        ...flowCookieOptions(this.config.cookieSecure),
        maxAge: OIDC_FLOW_SECONDS,
      });
      this.redirect(reply, location);
    } catch (error) {
      this.refuse(reply, providerId, error);
    }
  }

  @Get(':provider/callback')
  @Public()
  @providerParam
  @ApiQuery({ name: 'code', required: false, description: "The provider's authorization code." })
  @ApiQuery({ name: 'state', required: false, description: 'The state sent at start.' })
  @ApiQuery({ name: 'iss', required: false, description: "The provider's issuer (RFC 9207)." })
  @ApiQuery({ name: 'error', required: false, description: "The provider's error, instead of a code." })
  @ApiFoundResponse({
    headers: { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } },
    description:
      'Signed in: to the web app with the session cookie set, as after `POST /api/auth/login`. ' +
      'Refused (state, provider error, token, claims that map to no role or organisation, a disabled ' +
      'user): to `/login?oidcError=<code>`.',
  })
  @ApiNotFoundResponse({ description: 'No provider with this id is configured.' })
  async callback(
    @Param('provider') providerId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.oidc.provider(providerId)) throw new UnknownOidcProviderException();
    // The flow is over either way: its cookie goes.
    this.http.clearCookie?.(reply, OIDC_FLOW_COOKIE, flowCookieOptions(this.config.cookieSecure));
    try {
      const { token, returnUrl } = await this.oidc.callback(
        providerId,
        (request.query ?? {}) as Record<string, unknown>,
        readCookie(request.headers.cookie, OIDC_FLOW_COOKIE),
        request.id,
      );
      setSessionCookie(this.http, reply, token, this.config.cookieSecure);
      this.redirect(reply, returnUrl);
    } catch (error) {
      this.refuse(reply, providerId, error);
    }
  }

  private get http() {
    return this.adapterHost.httpAdapter;
  }

  private redirect(reply: FastifyReply, location: string) {
    void reply.header('Cache-Control', 'no-store');
    this.http.redirect(reply, 302, location);
  }

  /** Back to the sign-in page with the reason; never an error page (or a 500) in the browser. */
  private refuse(reply: FastifyReply, providerId: string, error: unknown) {
    let code: OidcErrorCode = 'failed';
    if (error instanceof OidcFailure) {
      code = error.code;
      this.oidc.logRefusal(providerId, error);
    } else {
      this.logger.error(
        `OIDC sign-in with ${providerId} failed: ${error instanceof Error ? error.message : String(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
    this.redirect(reply, `/login?${OIDC_ERROR_PARAM}=${code}`);
  }
}
