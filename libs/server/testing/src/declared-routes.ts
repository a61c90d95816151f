import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ABILITY_KEY, PUBLIC_KEY, RouteAbility } from '@cascade/server/core';

export interface DeclaredRoute {
  /** Lower case, as in an OpenAPI document: get, post, put, patch, delete. */
  method: string;
  /** In OpenAPI form, with the global prefix: `/api/exams/{id}`. */
  path: string;
  /** What the route's `@Can` asks for (on the method, else on its controller); null when it asks nothing. */
  ability: RouteAbility | null;
  public: boolean;
  /** `Controller.method`, for messages. */
  handler: string;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every route of the app's controllers, with the ability its guard checks, read from the
 * same metadata the guard reads. `unprefixed` names the paths the global prefix excludes.
 */
export function declaredRoutes(
  app: INestApplication,
  options: { prefix: string; unprefixed?: string[] } = { prefix: 'api', unprefixed: ['/health'] },
): DeclaredRoute[] {
  const reflector = new Reflector();
  const routes: DeclaredRoute[] = [];
  const seen = new Set<Function>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Function | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (own === undefined || verb === undefined) continue;
        const targets = [handler, controller];
        for (const root of base)
          for (const sub of [own].flat()) {
            const local = joinPath(root, sub);
            const prefixed = options.unprefixed?.includes(local) ? local : joinPath(options.prefix, local);
            routes.push({
              method: RequestMethod[verb].toLowerCase(),
              path: prefixed.replace(/:(\w+)/g, '{$1}'),
              ability: reflector.getAllAndOverride<RouteAbility | undefined>(ABILITY_KEY, targets) ?? null,
              public: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false,
              handler: `${controller.name}.${name}`,
            });
          }
      }
    }
  }
  return routes;
}
