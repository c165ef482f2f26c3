import type { MigrationTarget } from '@deskpilot/runtime';

/** The whmcs_sync schema: ticket mirror, drafts and outbound replies (added with ticket answering). */
export const whmcsSyncDatabase: MigrationTarget = {
  service: 'whmcs-sync',
  schema: 'whmcs_sync',
  entities: [],
  migrations: [],
};
