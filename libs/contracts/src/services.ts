/** The five deployable services. Queue names, schemas and log labels derive from these ids. */
export const ServiceName = {
  Gateway: 'gateway',
  Ingest: 'ingest',
  Retrieval: 'retrieval',
  Llm: 'llm',
  WhmcsSync: 'whmcs-sync',
} as const;

export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

export const SERVICE_NAMES: readonly ServiceName[] = Object.values(ServiceName);

/** Worker services: everything but the gateway, which reaches them over the bus. */
export const WORKER_SERVICES: readonly ServiceName[] = SERVICE_NAMES.filter(
  (name) => name !== ServiceName.Gateway,
);
