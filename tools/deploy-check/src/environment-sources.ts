import type { IContainer } from 'kubernetes-models/v1/Container';

import { scanInterpolation } from './interpolation';

/** Where a deployment takes one variable's value from. */
export type VariableSource =
  | { readonly from: 'literal'; readonly value: string }
  | { readonly from: 'interpolation'; readonly value: string; readonly required: boolean }
  | { readonly from: 'configMap'; readonly name: string; readonly key: string }
  | {
      readonly from: 'secret';
      readonly name: string;
      readonly key: string;
      readonly optional: boolean;
    }
  | { readonly from: 'other' };

/** A compose value: a literal, or built from `${…}` references (required if any uses `:?`). */
export function composeSource(value: string): VariableSource {
  const { references } = scanInterpolation(value);
  if (references.length === 0) {
    return { from: 'literal', value };
  }
  return {
    from: 'interpolation',
    value,
    required: references.some((ref) => ref.operator === ':?' || ref.operator === '?'),
  };
}

/** A Kubernetes container's variables and their sources (`envFrom` is not used here). */
export function containerSources(container: IContainer): ReadonlyMap<string, VariableSource> {
  const sources = new Map<string, VariableSource>();
  for (const variable of container.env ?? []) {
    const configMap = variable.valueFrom?.configMapKeyRef;
    const secret = variable.valueFrom?.secretKeyRef;
    if (variable.value !== undefined) {
      sources.set(variable.name, { from: 'literal', value: variable.value });
    } else if (configMap !== undefined) {
      sources.set(variable.name, {
        from: 'configMap',
        name: configMap.name ?? '',
        key: configMap.key,
      });
    } else if (secret !== undefined) {
      sources.set(variable.name, {
        from: 'secret',
        name: secret.name ?? '',
        key: secret.key,
        optional: secret.optional ?? false,
      });
    } else {
      sources.set(variable.name, { from: 'other' });
    }
  }
  return sources;
}
