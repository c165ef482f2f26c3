import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';

import { AccessTokenResponse, LoginRequest, REFRESH_COOKIE } from '@deskpilot/contracts';

import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Public } from './access.decorators';
import { LoginService } from './login.service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { SessionTokensService } from './session-tokens.service';

const SESSION_ENDED = {
  status: HttpStatus.UNAUTHORIZED,
  description: 'No refresh cookie, or its session has ended (sign in again)',
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly tokens: SessionTokensService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in',
    description: `Returns a 15-minute access token and sets the refresh token in the httpOnly cookie ${REFRESH_COOKIE} (path /api/auth).`,
  })
  @ApiJsonBody(LoginRequest)
  @ApiJsonResponse(HttpStatus.OK, AccessTokenResponse)
  @ApiErrorResponses(
    { status: HttpStatus.UNAUTHORIZED, description: 'Invalid email or password' },
    { status: HttpStatus.TOO_MANY_REQUESTS, description: 'Rate limited or account locked' },
  )
  async signIn(
    @Body(new ZodValidationPipe(LoginRequest)) credentials: z.output<typeof LoginRequest>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessTokenResponse> {
    const signIn = await this.login.login(credentials, clientOf(request));
    setRefreshCookie(request, response, signIn.refreshToken, signIn.refreshExpiresAt);
    return signIn.body;
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary: 'New access token from the refresh cookie',
    description:
      'Rotates the refresh token (the cookie is replaced). Presenting an already used refresh token ends the whole session.',
  })
  @ApiJsonResponse(HttpStatus.OK, AccessTokenResponse)
  @ApiErrorResponses(SESSION_ENDED)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessTokenResponse> {
    try {
      const signIn = await this.tokens.refresh(readRefreshCookie(request));
      setRefreshCookie(request, response, signIn.refreshToken, signIn.refreshExpiresAt);
      return signIn.body;
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary: 'Sign out: ends the session of the refresh cookie at once and clears the cookie',
  })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.tokens.logout(readRefreshCookie(request));
    clearRefreshCookie(request, response);
  }
}

function clientOf(request: Request): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip ?? null, userAgent: request.get('user-agent')?.slice(0, 512) ?? null };
}
