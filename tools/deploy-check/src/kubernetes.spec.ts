import { join } from 'node:path';
import { parse } from 'yaml';

import { PRODUCT_VERSION, SERVICE_NAMES } from '@deskpilot/contracts';

import { CONFIG_MAP_NAME, SECRET_NAME } from './consistency';
import type { DeploymentSnapshot } from './deployment';
import { K8S_DIR, deploymentOf, healthPath, jobOf, loadDeployment } from './deployment';
import { containerSources } from './environment-sources';
import type { KindMap, Typed } from './kubernetes';
import { KUSTOMIZATION, findManifest, loadManifests, validateManifest } from './kubernetes';
import { unknownFields } from './strict-fields';
import { readWorkspaceFile, workspaceRoot } from './workspace';

const root = workspaceRoot();
const snapshot: DeploymentSnapshot = loadDeployment(root, (path) => jest.requireActual(path));
const manifests = snapshot.manifests;
const NAMESPACE = 'deskpilot';
const find = <K extends keyof KindMap>(kind: K, name: string): Typed<K> | undefined =>
  findManifest(manifests, kind, name);

describe(K8S_DIR, () => {
  it('should match the Kubernetes JSON schemas when every manifest is validated', () => {
    expect(manifests.length).toBeGreaterThan(0);
    expect(manifests.flatMap((manifest) => validateManifest(manifest))).toEqual([]);
  });

  it('should use only fields the Kubernetes API knows', () => {
    expect(unknownFields(manifests, join(root, 'tools', 'deploy-check'))).toEqual([]);
  });

  it('should name each file after the kind and name of the one object it holds', () => {
    const misnamed = manifests
      .filter((m) => m.file !== `${m.kind.toLowerCase()}-${m.name}.yaml`)
      .map((m) => m.file);

    expect(misnamed).toEqual([]);
    expect(new Set(manifests.map((m) => m.file)).size).toBe(manifests.length);
  });

  it('should put every namespaced object in the deskpilot namespace', () => {
    const elsewhere = manifests
      .filter((m) => m.kind !== 'Namespace')
      .filter((m) => (m.object['metadata'] as { namespace?: string }).namespace !== NAMESPACE);

    expect(elsewhere.map((m) => m.file)).toEqual([]);
    expect(find('Namespace', NAMESPACE)).toBeDefined();
  });

  it('should tie every manifest together in the kustomization with pinned images', () => {
    const kustomization = parse(readWorkspaceFile(root, join(K8S_DIR, KUSTOMIZATION))) as {
      namespace: string;
      resources: string[];
      images: { name: string; newTag: string }[];
    };

    expect(kustomization.namespace).toBe(NAMESPACE);
    expect([...kustomization.resources].sort()).toEqual(manifests.map((m) => m.file).sort());
    expect(kustomization.images).toEqual(
      SERVICE_NAMES.map((service) => ({ name: `deskpilot/${service}`, newTag: PRODUCT_VERSION })),
    );
  });

  it('should hold every non-secret setting the services read in the ConfigMap, used by some pod', () => {
    const configMap = find('ConfigMap', CONFIG_MAP_NAME);
    const keys = Object.keys(configMap?.spec.data ?? {});
    const referenced = new Set(
      [
        ...SERVICE_NAMES.map((s) => deploymentOf(snapshot, s)),
        ...SERVICE_NAMES.map((s) => jobOf(snapshot, s)),
      ]
        .flatMap((workload) => workload?.spec.spec?.template.spec?.containers ?? [])
        .flatMap((container) => [...containerSources(container).values()])
        .flatMap((source) => (source.from === 'configMap' ? [source.key] : [])),
    );

    expect(keys.filter((key) => !referenced.has(key))).toEqual([]);
    expect([...referenced].filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('should keep secrets out of the repository', () => {
    expect(manifests.filter((m) => m.kind === 'Secret').map((m) => m.file)).toEqual([]);
  });

  it('should route the console through ingress-nginx with SSE buffering off and long timeouts', () => {
    const ingress = find('Ingress', 'gateway');
    const annotations = (ingress?.object['metadata'] as { annotations?: Record<string, string> })
      .annotations;

    expect(ingress?.spec.spec?.ingressClassName).toBe('nginx');
    expect(annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
    });
    expect(ingress?.spec.spec?.rules?.[0]?.http?.paths[0]?.backend.service?.name).toBe('gateway');
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const deployment = deploymentOf(snapshot, service);
    const pod = deployment?.spec.spec?.template.spec;
    const container = pod?.containers[0];
    const code = snapshot.code.get(service);
    const port = code?.defaultPort;

    it('should run one pinned container of the service image', () => {
      expect(pod?.containers).toHaveLength(1);
      expect(container?.image).toBe(`deskpilot/${service}:${PRODUCT_VERSION}`);
      expect(container?.imagePullPolicy).not.toBe('Always');
      expect(container?.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    });

    it('should probe its liveness and readiness over HTTP on its own port', () => {
      const live = { path: healthPath(service, 'live'), port: 'http' };

      expect(container?.startupProbe?.httpGet).toEqual(live);
      expect(container?.livenessProbe?.httpGet).toEqual(live);
      expect(container?.readinessProbe?.httpGet).toEqual({
        path: healthPath(service, 'ready'),
        port: 'http',
      });
    });

    it('should request and limit CPU and memory', () => {
      expect(Object.keys(container?.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container?.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    });

    it('should run as non-root with a read-only root filesystem and no capabilities', () => {
      expect(pod?.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod?.automountServiceAccountToken).toBe(false);
      expect(container?.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    });

    it('should read secrets only through secretKeyRef of the deskpilot secret', () => {
      const sources = [...containerSources(container ?? { name: '' }).values()];

      expect(sources.filter((s) => s.from === 'other')).toEqual([]);
      expect(sources.filter((s) => s.from === 'secret' && s.name !== SECRET_NAME)).toEqual([]);
      expect(container?.envFrom).toBeUndefined();
    });

    it('should be reachable through a Service on its port', () => {
      const svc = find('Service', service);

      expect(svc?.spec.spec?.selector).toEqual(deployment?.spec.spec?.selector.matchLabels);
      expect(svc?.spec.spec?.ports).toEqual([
        { name: 'http', port, targetPort: 'http', protocol: 'TCP' },
      ]);
    });

    it('should be scaled by an autoscaler and protected by a disruption budget', () => {
      const hpa = find('HorizontalPodAutoscaler', service);
      const pdb = find('PodDisruptionBudget', service);

      expect(hpa?.spec.spec?.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: service,
      });
      expect(hpa?.spec.spec?.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpa?.spec.spec?.maxReplicas).toBeGreaterThanOrEqual(hpa?.spec.spec?.minReplicas ?? 1);
      expect(deployment?.spec.spec?.replicas).toBeUndefined();
      expect(pdb?.spec.spec?.selector?.matchLabels).toEqual(
        deployment?.spec.spec?.selector.matchLabels,
      );
    });

    it('should migrate its schema in a Job of the same image before the rollout', () => {
      const job = jobOf(snapshot, service);
      const migrate = job?.spec.spec?.template.spec?.containers[0];

      expect(migrate?.image).toBe(container?.image);
      expect(migrate?.command).toEqual(['node', `services/${service}/dist/migrate.js`]);
      expect(job?.spec.spec?.template.spec?.restartPolicy).toBe('Never');
      expect(migrate?.securityContext).toEqual(container?.securityContext);
      expect(job?.spec.spec?.template.metadata?.labels?.['app.kubernetes.io/component']).toBe(
        'migration',
      );
    });

    it('should be scraped by Prometheus on its port', () => {
      expect(deployment?.spec.spec?.template.metadata?.annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      });
    });
  });

  it('should keep at least two retrieval replicas, each with room for the whole index', () => {
    const hpa = find('HorizontalPodAutoscaler', 'retrieval');
    const container = deploymentOf(snapshot, 'retrieval')?.spec.spec?.template.spec?.containers[0];

    expect(hpa?.spec.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(container?.resources?.requests?.['memory']).toBe('1Gi');
    // Nothing shared on disk: each replica holds its own index, fed by its own broadcast queue.
    const volumes = deploymentOf(snapshot, 'retrieval')?.spec.spec?.template.spec?.volumes ?? [];
    expect(volumes.filter((volume) => volume.emptyDir === undefined)).toEqual([]);
  });
});

describe(validateManifest.name, () => {
  it('should report schema violations when a manifest breaks the schema', () => {
    const [manifest] = loadManifests(root, K8S_DIR).filter((m) => m.kind === 'Service');
    const broken = {
      ...manifest!,
      object: { ...manifest!.object, spec: { ports: [{ port: 'http' }] } },
    };

    expect(validateManifest(broken)).toEqual([expect.stringContaining('port must be integer')]);
  });

  it('should refuse a kind it has no schema for', () => {
    const manifest = { file: 'x.yaml', apiVersion: 'v1', kind: 'Pod', name: 'x', object: {} };

    expect(validateManifest(manifest)).toEqual(['x.yaml: no schema for v1 Pod']);
  });
});

describe(unknownFields.name, () => {
  it('should report a misspelt field at any depth', () => {
    const [manifest] = loadManifests(root, K8S_DIR).filter((m) => m.kind === 'Deployment');
    const object = structuredClone(manifest!.object) as {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    object.spec.template.spec.containers[0]!['readinesProbe'] = {};

    const problems = unknownFields([{ ...manifest!, object }], join(root, 'tools', 'deploy-check'));

    expect(problems).toEqual([
      expect.stringContaining("'\"readinesProbe\"' does not exist in type 'IContainer'"),
    ]);
  });
});
