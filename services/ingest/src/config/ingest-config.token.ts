/** Injection token of the `IngestConfig`. */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
