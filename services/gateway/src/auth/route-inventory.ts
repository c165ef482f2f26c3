import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { AccessPolicy } from './access-policy';
import { ACCESS_POLICY, describeAccessPolicy } from './access-policy';

export interface RouteDescriptor {
  /** Upper-case HTTP method, or `ALL`. */
  readonly method: string;
  /** Full path as served, e.g. `/api/users/:id`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly policy: AccessPolicy | undefined;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * Every HTTP route of the application with its declared access, found through Nest's discovery
 * (so routes added by any feature are included). The route access test walks it, and at start a
 * route without a declaration is reported.
 */
@Injectable()
export class RouteInventory implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly appConfig: ApplicationConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  routes(): RouteDescriptor[] {
    const routes: RouteDescriptor[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance: unknown = wrapper.instance;
      const metatype = wrapper.metatype;
      if (instance === undefined || instance === null || metatype === null) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as Record<string, Handler>;
      const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, metatype) as unknown);
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (handler === undefined) {
          continue;
        }
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (methodPaths === undefined) {
          continue;
        }
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
          handler,
          metatype,
        ]);
        for (const controllerPath of controllerPaths) {
          for (const methodPath of asArray(methodPaths)) {
            routes.push({
              method: RequestMethod[requestMethod],
              path: this.fullPath(joinPath(controllerPath, methodPath), requestMethod),
              controller: metatype.name,
              handler: name,
              policy,
            });
          }
        }
      }
    }
    return routes;
  }

  onApplicationBootstrap(): void {
    for (const route of this.routes().filter((r) => r.policy === undefined)) {
      this.logger.error(
        { method: route.method, path: route.path, handler: `${route.controller}.${route.handler}` },
        `Route declares no access policy (${describeAccessPolicy(undefined)}): add @Public(), @Authenticated() or @Roles(...)`,
      );
    }
  }

  private fullPath(path: string, method: RequestMethod): string {
    const prefix = this.appConfig.getGlobalPrefix();
    const excluded = (this.appConfig.getGlobalPrefixOptions().exclude ?? []).some(
      (route) =>
        (route.requestMethod === RequestMethod.ALL || route.requestMethod === method) &&
        route.pathRegex.test(path),
    );
    return prefix === '' || excluded ? path : joinPath(prefix, path);
  }
}

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  return [typeof value === 'string' ? value : '/'];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
  return `/${joined}`;
}
