import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { AppConfig } from '../config/app-config';
import { CurrentUser, Public, RequirePermission } from './access.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Signed in; also sets the httpOnly session cookie.' })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields.' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this username; see Retry-After.' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) reply: unknown): Promise<LoginResponseDto> {
    const result = await this.auth.login(body.username, body.password);
    setSessionCookie(this.adapterHost.httpAdapter, reply, result.accessToken, this.config.cookieSecure);
    return result;
  }

  @Post('logout')
  @RequirePermission(Permission.SessionOwn)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended.' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: unknown) {
    await this.sessions.end(user);
    clearSessionCookie(this.adapterHost.httpAdapter, reply, this.config.cookieSecure);
  }
}
