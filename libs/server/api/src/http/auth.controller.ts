import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLIENT_HEADER, LoginResponse, UserView } from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { Actor, CurrentActor, Public } from '@cascade/server/core';
import { AuthService, LoginDto, UsersService } from '@cascade/server/identity';
import { RefreshCookie } from './refresh-cookie';
import { RequestLimits, spend } from './request-limits';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly cookie: RefreshCookie;

  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly limits: RequestLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new RefreshCookie(config.publicUrl);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const issued = await this.auth.login(body.email, body.password, request.ip);
    this.cookie.set(reply, issued.refreshToken);
    return issued.login;
  }

  /** A new access token (and refresh cookie) from the refresh cookie. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiHeader({ name: CLIENT_HEADER, required: true })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    this.cookie.assertClientHeader(request);
    await spend(this.limits.refreshByAddress, request.ip);
    const issued = await this.auth.refresh(this.cookie.read(request));
    this.cookie.set(reply, issued.refreshToken);
    return issued.login;
  }

  /** Ends the session of the refresh cookie, its access tokens included, and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiHeader({ name: CLIENT_HEADER, required: true })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    this.cookie.assertClientHeader(request);
    await this.auth.logout(this.cookie.read(request));
    this.cookie.clear(reply);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor.userId);
  }
}
