import { SetMetadata } from '@nestjs/common';
import {
  AppAbility,
  CONFLICT_OF_INTEREST,
  defineAbilityFor,
  PolicyAction,
  PolicySubject,
  policyRecord,
} from '@cascade/contracts';
import { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError } from './errors';
import { Actor, RequestContext } from './request-context';
import { currentActor } from './tenant-scope';

/** What one look-up of actors answers: each active actor, and which of the asked sessions are open. */
export interface ActorFacts {
  actors: Map<string, Actor>;
  /** Each open session asked about, to the user it belongs to. */
  openSessions: Map<string, string>;
}

/**
 * Loads actors with the relationships the policy reads, and the state of their sessions in
 * the same query; implemented across the domains.
 */
export abstract class ActorFactsSource {
  abstract load(manager: EntityManager, userIds: string[], sessionIds?: string[]): Promise<ActorFacts>;
}

export const ABILITY_KEY = 'cascade:ability';

export interface RouteAbility {
  actions: PolicyAction[];
  subjectType: PolicySubject;
}

/**
 * What a route needs: the guard refuses with 403 unless some rule could allow one of the
 * actions on that type. The record itself is checked where the service reads it.
 */
export const Can = (action: PolicyAction | PolicyAction[], subjectType: PolicySubject) =>
  SetMetadata(ABILITY_KEY, { actions: [action].flat(), subjectType } satisfies RouteAbility);

/** Refused reads answer 404, so they tell nothing about what exists. */
const READS: PolicyAction[] = ['read', 'readResults', 'readAttendance'];

const abilities = new WeakMap<Actor, AppAbility>();

/** The actor's abilities, built once per actor object, which is once per request. */
export function abilityOf(actor: Actor): AppAbility {
  let ability = abilities.get(actor);
  if (!ability) {
    ability = defineAbilityFor(actor);
    abilities.set(actor, ability);
  }
  return ability;
}

export function currentAbility(): AppAbility {
  return abilityOf(currentActor());
}

/** Whether the current actor (or the system, which may do anything) may act on this record. */
export function may(action: PolicyAction, type: PolicySubject, record: object, field?: string): boolean {
  if (RequestContext.isSystem()) return true;
  return currentAbility().can(action, policyRecord(type, record), field);
}

/**
 * Refuses unless the current actor may act on the record: 404 for reads, so nothing tells
 * that the record exists; 403 for actions, with the refusing rule's code
 * (CONFLICT_OF_INTEREST for someone who sits the exam).
 */
export function assertMay(
  action: PolicyAction,
  type: PolicySubject,
  record: object,
  options: { field?: string; entity?: string } = {},
): void {
  if (RequestContext.isSystem()) return;
  const ability = currentAbility();
  const tagged = policyRecord(type, record);
  if (ability.can(action, tagged, options.field)) return;
  if (READS.includes(action)) throw new NotFoundError(options.entity ?? type);
  const rule = ability.relevantRuleFor(action, tagged, options.field);
  if (rule?.inverted && rule.reason === CONFLICT_OF_INTEREST)
    throw new ForbiddenError('You sit this exam, so you may not act on it', CONFLICT_OF_INTEREST);
  throw new ForbiddenError();
}
