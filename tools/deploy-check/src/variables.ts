/**
 * Deployment rules for the variables the services read. The variables themselves come from the
 * services' config code (service-environment.ts); these tables only say how a deployment must
 * treat them.
 */

/** Credentials, or URLs that carry them: compose interpolates them, Kubernetes reads a Secret. */
export function isSecret(variable: string): boolean {
  return (
    /(PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY|PRIVATE_KEY|IDENTIFIER)/.test(variable) ||
    variable === 'DATABASE_URL' ||
    variable === 'AMQP_URL'
  );
}

/**
 * Variables a deployment deliberately leaves unset, so the service's built-in default applies.
 * A new variable in a service's config must be passed by docker-compose.yml and k8s/, set by the
 * image, or listed here with the reason.
 */
export const LEFT_AT_DEFAULT: Readonly<Record<string, string>> = {
  INSTANCE_ID:
    'must differ per replica (it names the replica’s broadcast queue): the default is the ' +
    'container hostname plus a random suffix',
  HOST: 'the gateway listens on 0.0.0.0 by default, which is what a container needs',
};

/**
 * Variables a service refuses to start without when it runs in its own process; a deployment must
 * pass them. The check runs the config loaders with these placeholder values.
 */
export const REQUIRED_WHEN_STANDALONE: Readonly<Record<string, string>> = {
  JWT_SECRET: 'placeholder-secret-of-at-least-32-characters',
  WHMCS_URL: 'https://billing.example.com',
  WHMCS_IDENTIFIER: 'placeholder-identifier',
  WHMCS_SECRET: 'placeholder-secret',
};

/**
 * Tuning variables with sound built-in defaults. A deployment may pass them or not; they must
 * still be documented in docs/operations.md.
 */
export const TUNABLES: ReadonlySet<string> = new Set([
  'CHAT_MESSAGES_PER_MINUTE',
  'CHAT_RETENTION_DAYS',
  'AUDIT_RETENTION_DAYS',
  'LLM_APP_URL',
  'LLM_APP_TITLE',
  'LLM_REQUEST_TIMEOUT_MS',
  'LLM_FIRST_TOKEN_TIMEOUT_MS',
  'LLM_INACTIVITY_TIMEOUT_MS',
  'LLM_MAX_RETRIES',
  'LLM_MAX_RETRY_WAIT_SECONDS',
  'LLM_HISTORY_TOKEN_BUDGET',
  'LLM_SEARCH_TIMEOUT_MS',
  'LLM_TOKEN_BATCH_MS',
  'LLM_LOG_RETENTION_DAYS',
  'EMBEDDINGS_DIMENSIONS',
  'EMBEDDINGS_BATCH_SIZE',
  'INGEST_MAX_FILE_MB',
  'UPLOAD_MAX_MB',
  'WEB_IMPORT_ALLOW_INTERNAL',
  'WEB_IMPORT_TIMEOUT_SECONDS',
  'WEB_IMPORT_REFRESH_HOURS',
  'INGEST_MAX_TEXT_CHARS',
  'INGEST_MAX_CHUNKS',
  'INGEST_CHUNK_TOKENS',
  'INGEST_CHUNK_OVERLAP_TOKENS',
  'INGEST_EMBED_BATCH',
  'INGEST_RESUME_AFTER_SECONDS',
  'RETRIEVAL_HNSW_M',
  'RETRIEVAL_HNSW_EF_CONSTRUCTION',
  'RETRIEVAL_HNSW_EF_SEARCH',
  'RETRIEVAL_SNAPSHOT_DIR',
  'RETRIEVAL_RECONCILE_SECONDS',
  'RETRIEVAL_RRF_K',
  'RETRIEVAL_LEXICAL_BUDGET',
  'RETRIEVAL_LEXICAL_RESCORE',
  'RETRIEVAL_SPELLING',
  'WHMCS_FULL_SYNC_SECONDS',
  'WHMCS_TIMEOUT_SECONDS',
  'WHMCS_DRAFT_WAIT_SECONDS',
  'WHMCS_CONCURRENCY',
  'WHMCS_RETENTION_DAYS',
]);

/**
 * Architecture variables (shared/design/architecture.md, Configuration) that compose and
 * Kubernetes already pass to the services expected to read them, ahead of the code that reads
 * them. Passing any other variable a service does not read is an error.
 */
export const ANTICIPATED: Readonly<Record<string, readonly string[]>> = {};

/** Values every long-running service must get, whatever the deployment. */
export const FIXED_VALUES: Readonly<Record<string, string>> = {
  // Migrations run once, before the services start (migrate one-shots, Kubernetes Jobs).
  DB_MIGRATIONS: 'false',
  DATA_DIR: '/var/lib/deskpilot',
};
