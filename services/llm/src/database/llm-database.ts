import type { MigrationTarget } from '@deskpilot/runtime';

/** The llm schema: the interaction log (added with answering). */
export const llmDatabase: MigrationTarget = {
  service: 'llm',
  schema: 'llm',
  entities: [],
  migrations: [],
};
