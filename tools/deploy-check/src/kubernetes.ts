import { Deployment } from 'kubernetes-models/apps/v1';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

import { listWorkspaceFiles, readWorkspaceFile } from './workspace';

export interface Manifest {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly object: Readonly<Record<string, unknown>>;
}

interface Validatable {
  validate(): void;
}

/**
 * The Kubernetes kinds the manifests may use, each with its JSON schema (kubernetes-models,
 * generated from the Kubernetes OpenAPI) and its TypeScript declaration for the strict check.
 */
const KINDS: Readonly<
  Record<string, { create: (data: object) => Validatable; module: string; type: string }>
> = {
  'v1/Namespace': { create: (d) => new Namespace(d), module: 'v1/Namespace', type: 'INamespace' },
  'v1/ServiceAccount': {
    create: (d) => new ServiceAccount(d),
    module: 'v1/ServiceAccount',
    type: 'IServiceAccount',
  },
  'v1/ConfigMap': { create: (d) => new ConfigMap(d), module: 'v1/ConfigMap', type: 'IConfigMap' },
  'v1/Service': { create: (d) => new Service(d), module: 'v1/Service', type: 'IService' },
  'apps/v1/Deployment': {
    create: (d) => new Deployment(d),
    module: 'apps/v1/Deployment',
    type: 'IDeployment',
  },
  'batch/v1/Job': { create: (d) => new Job(d), module: 'batch/v1/Job', type: 'IJob' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    create: (d) => new HorizontalPodAutoscaler(d),
    module: 'autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'policy/v1/PodDisruptionBudget': {
    create: (d) => new PodDisruptionBudget(d),
    module: 'policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'networking.k8s.io/v1/Ingress': {
    create: (d) => new Ingress(d),
    module: 'networking.k8s.io/v1/Ingress',
    type: 'IIngress',
  },
};

export const KUSTOMIZATION = 'kustomization.yaml';

/** Every YAML document under `folder`, except the kustomization. */
export function loadManifests(root: string, folder: string): Manifest[] {
  return listWorkspaceFiles(root, folder, '.yaml')
    .filter((file) => file !== KUSTOMIZATION)
    .flatMap((file) =>
      parseAllDocuments(readWorkspaceFile(root, join(folder, file))).map((document) => {
        if (document.errors.length > 0) {
          throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
        }
        const object = document.toJS() as Record<string, unknown>;
        const metadata = object['metadata'] as { name?: unknown } | undefined;
        return {
          file,
          apiVersion: String(object['apiVersion']),
          kind: String(object['kind']),
          name: String(metadata?.name),
          object,
        };
      }),
    );
}

function kindOf(manifest: Manifest): (typeof KINDS)[string] | undefined {
  return KINDS[`${manifest.apiVersion}/${manifest.kind}`];
}

/** Schema errors of one manifest (an unknown apiVersion/kind is one). */
export function validateManifest(manifest: Manifest): string[] {
  const kind = kindOf(manifest);
  if (kind === undefined) {
    return [`${manifest.file}: no schema for ${manifest.apiVersion} ${manifest.kind}`];
  }
  try {
    kind.create(manifest.object).validate();
    return [];
  } catch (error) {
    return [`${manifest.file}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** The module and interface that declare a manifest's kind, for the strict field check. */
export function declarationOf(manifest: Manifest): { module: string; type: string } | undefined {
  const kind = kindOf(manifest);
  return kind === undefined
    ? undefined
    : { module: `kubernetes-models/${kind.module}`, type: kind.type };
}

/** The object types of the kinds the manifests use, by kind. */
export interface KindMap {
  Namespace: INamespace;
  ServiceAccount: IServiceAccount;
  ConfigMap: IConfigMap;
  Service: IService;
  Deployment: IDeployment;
  Job: IJob;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  PodDisruptionBudget: IPodDisruptionBudget;
  Ingress: IIngress;
}

export type Typed<K extends keyof KindMap> = Manifest & { readonly spec: KindMap[K] };

/** The manifests of one kind, typed (call after validation). */
export function ofKind<K extends keyof KindMap>(
  manifests: readonly Manifest[],
  kind: K,
): Typed<K>[] {
  return manifests
    .filter((manifest) => manifest.kind === kind)
    .map((manifest) => ({ ...manifest, spec: manifest.object as unknown as KindMap[K] }));
}

export function findManifest<K extends keyof KindMap>(
  manifests: readonly Manifest[],
  kind: K,
  name: string,
): Typed<K> | undefined {
  return ofKind(manifests, kind).find((manifest) => manifest.name === name);
}
