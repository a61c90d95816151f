import { DynamicModule, Global, Module } from '@nestjs/common';
import { AccessTokens } from '@cascade/server/core';

@Global()
@Module({})
export class AccessTokensModule {
  static forRoot(secret: string): DynamicModule {
    return {
      module: AccessTokensModule,
      providers: [{ provide: AccessTokens, useValue: new AccessTokens(secret) }],
      exports: [AccessTokens],
    };
  }
}
