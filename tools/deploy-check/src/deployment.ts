import { SERVICE_NAMES } from '@deskpilot/contracts';

import type { ComposeFile } from './compose';
import { loadCompose } from './compose';
import type { ServiceView } from './consistency';
import type { DockerfileModel } from './dockerfile';
import { parseDockerfile } from './dockerfile';
import type { VariableSource } from './environment-sources';
import { composeSource, containerSources } from './environment-sources';
import type { Manifest, Typed } from './kubernetes';
import { findManifest, loadManifests } from './kubernetes';
import type { ModuleLoader, ServiceEnvironment } from './service-environment';
import { migrationVariables, readServiceEnvironment } from './service-environment';
import { readWorkspaceFile } from './workspace';

export const COMPOSE_FILE = 'docker-compose.yml';
export const COMPOSE_DEV_FILE = 'docker-compose.dev.yml';
export const K8S_DIR = 'k8s';

/**
 * Where each service answers health checks (libs/runtime ops.controller.ts). The gateway's own
 * liveness is under /api: its /api/health is the whole product's readiness (503 when any worker
 * is down), which must not restart or unroute the gateway.
 */
export function healthPath(service: string, kind: 'live' | 'ready' = 'live'): string {
  return service === 'gateway' ? `/api/health/${kind}` : '/health';
}

export function migrationName(service: string): string {
  return `migrate-${service}`;
}

/** The whole deployment as the checks see it. */
export interface DeploymentSnapshot {
  readonly root: string;
  readonly services: readonly string[];
  readonly code: ReadonlyMap<string, ServiceEnvironment>;
  readonly dockerfile: DockerfileModel;
  readonly compose: ComposeFile;
  readonly manifests: readonly Manifest[];
}

export function loadDeployment(root: string, load: ModuleLoader): DeploymentSnapshot {
  const services = [...SERVICE_NAMES];
  return {
    root,
    services,
    code: new Map(
      services.map((service) => [service, readServiceEnvironment(root, service, load)]),
    ),
    dockerfile: parseDockerfile(readWorkspaceFile(root, 'Dockerfile')),
    compose: loadCompose(root, COMPOSE_FILE),
    manifests: loadManifests(root, K8S_DIR),
  };
}

function composeSources(environment: Record<string, string>): Map<string, VariableSource> {
  return new Map(Object.entries(environment).map(([name, value]) => [name, composeSource(value)]));
}

export function deploymentOf(
  snapshot: DeploymentSnapshot,
  service: string,
): Typed<'Deployment'> | undefined {
  return findManifest(snapshot.manifests, 'Deployment', service);
}

export function jobOf(snapshot: DeploymentSnapshot, service: string): Typed<'Job'> | undefined {
  return findManifest(snapshot.manifests, 'Job', migrationName(service));
}

/** The long-running service as code, image, compose and Kubernetes see it. */
export function serviceView(snapshot: DeploymentSnapshot, service: string): ServiceView {
  const container = deploymentOf(snapshot, service)?.spec.spec?.template.spec?.containers[0];
  return {
    service,
    reads: snapshot.code.get(service)?.variables ?? new Set(),
    imageEnv: snapshot.dockerfile.stage(service)?.env ?? {},
    compose: composeSources(snapshot.compose.services[service]?.environment ?? {}),
    kubernetes: container === undefined ? new Map() : containerSources(container),
  };
}

/** The service's migration runner (compose one-shot and Kubernetes Job). */
export function migrationView(snapshot: DeploymentSnapshot, service: string): ServiceView {
  const name = migrationName(service);
  const container = jobOf(snapshot, service)?.spec.spec?.template.spec?.containers[0];
  return {
    service: name,
    reads: migrationVariables(),
    imageEnv: snapshot.dockerfile.stage(service)?.env ?? {},
    compose: composeSources(snapshot.compose.services[name]?.environment ?? {}),
    kubernetes: container === undefined ? new Map() : containerSources(container),
  };
}
