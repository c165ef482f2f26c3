import type { MigrationTarget } from '@deskpilot/runtime';

/** The ingest schema: document records (added with the knowledge base). */
export const ingestDatabase: MigrationTarget = {
  service: 'ingest',
  schema: 'ingest',
  entities: [],
  migrations: [],
};
