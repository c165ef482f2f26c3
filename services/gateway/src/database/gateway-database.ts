import type { MigrationTarget } from '@deskpilot/runtime';

/** The gateway schema: accounts, conversations, settings and the audit log. */
export const gatewayDatabase: MigrationTarget = {
  service: 'gateway',
  schema: 'gateway',
  entities: [],
  migrations: [],
};
