import { AsyncLocalStorage } from 'node:async_hooks';
import { PolicyActor } from '@cascade/contracts';

/**
 * The authenticated user a request (or job) acts for, with the relationships the permission
 * policy reads. `roles` are the roles in force now: a client user is a trainer only while a
 * qualification of theirs is valid.
 */
export type Actor = PolicyActor;

interface ContextStore {
  actor: Actor | null;
  /** Background work that acts for the system, unrestricted by tenancy. */
  system: boolean;
  requestId?: string;
  /** The sign-in session (refresh-token family) the request's access token names. */
  sessionId?: string;
}

const storage = new AsyncLocalStorage<ContextStore>();

/**
 * The request-scoped tenant context. Filled once per request by the auth guard and read
 * by the data layer, so no controller or service scopes queries by hand.
 */
export const RequestContext = {
  run<T>(fn: () => T, requestId?: string): T {
    return storage.run({ actor: null, system: false, requestId }, fn);
  },
  runAsSystem<T>(fn: () => T): T {
    return storage.run({ actor: null, system: true }, fn);
  },
  runAs<T>(actor: Actor, fn: () => T): T {
    return storage.run({ actor, system: false }, fn);
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (!store) throw new Error('RequestContext.setActor outside a request');
    store.actor = actor;
  },
  setSession(sessionId: string): void {
    const store = storage.getStore();
    if (!store) throw new Error('RequestContext.setSession outside a request');
    store.sessionId = sessionId;
  },
  sessionId(): string | undefined {
    return storage.getStore()?.sessionId;
  },
  actor(): Actor | null {
    return storage.getStore()?.actor ?? null;
  },
  isSystem(): boolean {
    return storage.getStore()?.system ?? false;
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
