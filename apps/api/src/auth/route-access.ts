import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { type INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';

export interface RouteAccess {
  method: string;
  path: string;
  /** `public`, a permission, or `undeclared` (which the AccessGuard denies). */
  access: string;
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/** Every controller route of the app with the access it declares, for review and for tests. */
export function listRouteAccess(app: INestApplication, globalPrefix = 'api'): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!instance || !controller) continue;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const targets = [handler, controller];
      const access = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
        ? 'public'
        : (reflector.getAllAndOverride<string>(PERMISSION_KEY, targets) ?? 'undeclared');
      for (const prefix of prefixes)
        for (const path of ([] as string[]).concat(paths))
          routes.push({ method, path: joinPath(globalPrefix, prefix, path), access });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
