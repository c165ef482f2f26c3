import type { MigrationTarget } from '@deskpilot/runtime';

/** The retrieval schema: chunks with their full-text vectors and embeddings (added with the knowledge base). */
export const retrievalDatabase: MigrationTarget = {
  service: 'retrieval',
  schema: 'retrieval',
  entities: [],
  migrations: [],
};
