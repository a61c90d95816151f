import { Actor, RequestContext } from './request-context';
import { UnauthorizedError } from './errors';

/**
 * Which organizations' data the current actor may see: everything for admins and the
 * system, otherwise the actor's own organization plus the clients a vendor trainer serves.
 * `null` means unrestricted.
 */
export function visibleOrganizationIds(actor: Actor | null = RequestContext.actor()): string[] | null {
  if (RequestContext.isSystem()) return null;
  if (!actor) throw new UnauthorizedError();
  if (actor.roles.includes('admin')) return null;
  const ids = new Set([actor.organizationId]);
  if (actor.roles.includes('trainer')) actor.assignedOrganizationIds.forEach((id) => ids.add(id));
  return [...ids];
}

/** Trainees without any other role (or a bank authoring grant) see only records about themselves. */
export function isOnlyTrainee(actor: Actor | null = RequestContext.actor()): boolean {
  if (RequestContext.isSystem() || !actor) return false;
  return !actor.bankAuthor && actor.roles.every((role) => role === 'trainee');
}

export function currentActor(): Actor {
  const actor = RequestContext.actor();
  if (!actor) throw new UnauthorizedError();
  return actor;
}
