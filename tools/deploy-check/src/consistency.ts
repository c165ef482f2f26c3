import type { VariableSource } from './environment-sources';
import { ANTICIPATED, FIXED_VALUES, LEFT_AT_DEFAULT, TUNABLES, isSecret } from './variables';

/** One service as its code and the two deployments see it. */
export interface ServiceView {
  readonly service: string;
  /** Variables the service's config code reads. */
  readonly reads: ReadonlySet<string>;
  /** Variables the service's image sets (Dockerfile ENV). */
  readonly imageEnv: Readonly<Record<string, string>>;
  readonly compose: ReadonlyMap<string, VariableSource>;
  readonly kubernetes: ReadonlyMap<string, VariableSource>;
}

export const SECRET_NAME = 'deskpilot-secrets';
export const CONFIG_MAP_NAME = 'deskpilot-config';

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/**
 * Every variable a service reads reaches it (from compose and Kubernetes alike, or from its
 * image, or it is deliberately left at its default), and nothing it does not read is passed.
 */
export function variableProblems(view: ServiceView, migration = false): string[] {
  const problems: string[] = [];
  const anticipated = new Set(migration ? [] : (ANTICIPATED[view.service] ?? []));
  const composeNames = new Set(view.compose.keys());
  const kubernetesNames = new Set(view.kubernetes.keys());

  for (const [where, names] of [
    ['docker-compose.yml', composeNames],
    ['k8s', kubernetesNames],
  ] as const) {
    for (const name of sorted(names)) {
      if (!view.reads.has(name) && !anticipated.has(name)) {
        problems.push(`${where} passes ${name} to ${view.service}, which does not read it`);
      }
    }
  }
  // A migration runner needs only DATABASE_URL of the common variables it could read.
  for (const name of migration ? [] : sorted(view.reads)) {
    const passed = composeNames.has(name) || kubernetesNames.has(name);
    if (
      !passed &&
      view.imageEnv[name] === undefined &&
      LEFT_AT_DEFAULT[name] === undefined &&
      !TUNABLES.has(name)
    ) {
      problems.push(
        `${view.service} reads ${name}, but neither docker-compose.yml nor k8s passes it ` +
          '(pass it in both, set it in the image, or add it to LEFT_AT_DEFAULT or TUNABLES)',
      );
    }
    if (LEFT_AT_DEFAULT[name] !== undefined && passed) {
      problems.push(`${name} must stay unset for ${view.service}: ${LEFT_AT_DEFAULT[name]}`);
    }
  }
  for (const name of sorted(composeNames)) {
    if (!kubernetesNames.has(name)) {
      problems.push(`docker-compose.yml passes ${name} to ${view.service} but k8s does not`);
    }
  }
  for (const name of sorted(kubernetesNames)) {
    if (!composeNames.has(name)) {
      problems.push(`k8s passes ${name} to ${view.service} but docker-compose.yml does not`);
    }
  }
  return problems;
}

/** Secrets come from interpolation in compose and from the Secret in Kubernetes, never literal. */
export function secretProblems(view: ServiceView): string[] {
  const problems: string[] = [];
  for (const name of sorted(view.compose.keys())) {
    const compose = view.compose.get(name);
    const kubernetes = view.kubernetes.get(name);
    if (!isSecret(name)) {
      if (kubernetes?.from === 'secret') {
        problems.push(`k8s reads ${name} (not a secret) for ${view.service} from a Secret`);
      }
      continue;
    }
    if (compose?.from !== 'interpolation') {
      problems.push(`docker-compose.yml gives ${view.service} a literal ${name}`);
    }
    if (kubernetes === undefined) {
      continue;
    }
    if (
      kubernetes.from !== 'secret' ||
      kubernetes.name !== SECRET_NAME ||
      kubernetes.key !== name
    ) {
      problems.push(
        `k8s must read ${name} for ${view.service} from secretKeyRef ${SECRET_NAME}/${name}`,
      );
      continue;
    }
    if (compose?.from === 'interpolation' && compose.required === kubernetes.optional) {
      problems.push(
        `${name} for ${view.service} is ${compose.required ? 'required' : 'optional'} in ` +
          `docker-compose.yml but ${kubernetes.optional ? 'optional' : 'required'} in k8s`,
      );
    }
  }
  return problems;
}

/** Non-secret values: the fixed ones everywhere, the rest from the ConfigMap under their name. */
export function valueProblems(
  view: ServiceView,
  expectedPort: number,
  migration = false,
): string[] {
  const problems: string[] = [];
  const fixed: Record<string, string> = migration
    ? {}
    : { ...FIXED_VALUES, PORT: String(expectedPort) };
  for (const [name, value] of Object.entries(fixed)) {
    for (const [where, sources] of [
      ['docker-compose.yml', view.compose],
      ['k8s', view.kubernetes],
    ] as const) {
      const source = sources.get(name);
      if (source?.from !== 'literal' || source.value !== value) {
        problems.push(`${where} must set ${name}=${value} for ${view.service}`);
      }
    }
  }
  for (const [name, source] of view.kubernetes) {
    if (isSecret(name) || fixed[name] !== undefined) {
      continue;
    }
    if (source.from !== 'configMap' || source.name !== CONFIG_MAP_NAME || source.key !== name) {
      problems.push(
        `k8s must read ${name} for ${view.service} from configMapKeyRef ${CONFIG_MAP_NAME}/${name}`,
      );
    }
  }
  return problems;
}
