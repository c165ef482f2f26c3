import { z } from 'zod';

import { rpc } from './define';

export const CheckStatus = z.enum(['up', 'down']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const DependencyCheck = z.object({
  status: CheckStatus,
  latencyMs: z.number().nonnegative().optional(),
  detail: z.string().optional(),
});
export type DependencyCheck = z.infer<typeof DependencyCheck>;

export const ServiceHealth = z.object({
  service: z.string(),
  instanceId: z.string(),
  version: z.string(),
  status: CheckStatus,
  uptimeSeconds: z.number().nonnegative(),
  checks: z.record(z.string(), DependencyCheck),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;

export const HealthRequest = z.object({});

/** Health probes the gateway sends to each worker; the walking skeleton of the bus. */
export const SystemRpc = {
  IngestHealth: 'ingest.health.check',
  RetrievalHealth: 'retrieval.health.check',
  LlmHealth: 'llm.health.check',
  WhmcsSyncHealth: 'whmcs-sync.health.check',
} as const;

export const systemMessages = {
  [SystemRpc.IngestHealth]: rpc(HealthRequest, ServiceHealth),
  [SystemRpc.RetrievalHealth]: rpc(HealthRequest, ServiceHealth),
  [SystemRpc.LlmHealth]: rpc(HealthRequest, ServiceHealth),
  [SystemRpc.WhmcsSyncHealth]: rpc(HealthRequest, ServiceHealth),
};
