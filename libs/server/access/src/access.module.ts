import { Global, Module } from '@nestjs/common';
import { ActorFactsSource } from '@cascade/server/core';
import { ActorFactsRepository } from './actor-facts.repository';

/** Provides what the permission policy needs to know about an actor, read across domains. */
@Global()
@Module({
  providers: [ActorFactsRepository, { provide: ActorFactsSource, useExisting: ActorFactsRepository }],
  exports: [ActorFactsSource],
})
export class AccessModule {}
