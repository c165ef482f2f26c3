import type { MigrationTarget } from '@deskpilot/runtime';

import { AuditEntryEntity } from '../audit/entities/audit-entry.entity';
import { RefreshTokenEntity } from '../sessions/entities/refresh-token.entity';
import { SessionEntity } from '../sessions/entities/session.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CreateAccounts1795995767554 } from './migrations/1795995767554-CreateAccounts';

/** The gateway schema: accounts, conversations, settings and the audit log. */
export const gatewayDatabase: MigrationTarget = {
  service: 'gateway',
  schema: 'gateway',
  entities: [UserEntity, SessionEntity, RefreshTokenEntity, AuditEntryEntity],
  migrations: [CreateAccounts1795995767554],
};
