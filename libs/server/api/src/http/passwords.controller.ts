import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Locale } from '@cascade/contracts';
import { AccessTokens, Can, Public } from '@cascade/server/core';
import { ChangePasswordDto, ForgotPasswordDto, PasswordsService, ResetPasswordDto } from '@cascade/server/identity';
import { RequestLimits, spend } from './request-limits';

/** Who has not signed in has no profile language: their browser's, else the default. */
const requestLocale = (acceptLanguage: string | undefined): Locale =>
  /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh-CN';

@ApiTags('auth')
@Controller()
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly tokens: AccessTokens,
    private readonly limits: RequestLimits,
  ) {}

  /** Changes my own password; every other session of mine ends, this one stays. */
  @ApiBearerAuth()
  @Post('auth/password')
  @HttpCode(204)
  async change(@Body() body: ChangePasswordDto, @Headers('authorization') authorization?: string): Promise<void> {
    const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    const claims = bearer ? (this.tokens.verify(bearer) as { sid?: unknown } | null) : null;
    const sessionId = typeof claims?.sid === 'string' ? claims.sid : null;
    await this.passwords.change(body.currentPassword, body.newPassword, sessionId);
  }

  /** The same 202 whether or not the address belongs to anyone; a link goes only to a real one. */
  @Public()
  @Post('auth/forgot-password')
  @HttpCode(202)
  async forgot(@Body() body: ForgotPasswordDto, @Req() request: { ip: string }): Promise<void> {
    await spend(this.limits.forgotByAddress, request.ip);
    await spend(this.limits.forgotByEmail, body.email.trim().toLowerCase());
    await this.passwords.requestForgotten(body.email);
  }

  /** Sets a password from a reset or invitation link; the link is spent and every session ends. */
  @Public()
  @Post('auth/reset-password')
  @HttpCode(204)
  async reset(
    @Body() body: ResetPasswordDto,
    @Req() request: { ip: string },
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    await spend(this.limits.resetByAddress, request.ip);
    await this.passwords.reset(body.token, body.newPassword, requestLocale(acceptLanguage));
  }

  /** Emails the user a one-hour link to choose a new password; their current one keeps working until then. */
  @ApiBearerAuth()
  @Can('update', 'User')
  @Post('users/:id/password-reset')
  @HttpCode(202)
  async requestReset(@Param('id') id: string): Promise<void> {
    await this.passwords.requestReset(id);
  }
}
