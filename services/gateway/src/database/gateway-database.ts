import type { MigrationTarget } from '@deskpilot/runtime';

import { AuditEntryEntity } from '../audit/entities/audit-entry.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../conversations/entities/message.entity';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import { RefreshTokenEntity } from '../sessions/entities/refresh-token.entity';
import { SessionEntity } from '../sessions/entities/session.entity';
import { BotSettingsVersionEntity } from '../settings/entities/bot-settings-version.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CreateAccounts1795995767554 } from './migrations/1795995767554-CreateAccounts';
import { CreateChat1796000000000 } from './migrations/1796000000000-CreateChat';
import { AddBotSettingsNote1796100000000 } from './migrations/1796100000000-AddBotSettingsNote';
import { BotSettingsTranslateQuestions1797600000000 } from './migrations/1797600000000-BotSettingsTranslateQuestions';
import { BotSettingsRewriteFollowUps1797700000000 } from './migrations/1797700000000-BotSettingsRewriteFollowUps';

/** The gateway schema: accounts, conversations, settings and the audit log. */
export const gatewayDatabase: MigrationTarget = {
  service: 'gateway',
  schema: 'gateway',
  entities: [
    UserEntity,
    SessionEntity,
    RefreshTokenEntity,
    AuditEntryEntity,
    ConversationEntity,
    MessageEntity,
    FeedbackEntity,
    BotSettingsVersionEntity,
  ],
  migrations: [
    CreateAccounts1795995767554,
    CreateChat1796000000000,
    AddBotSettingsNote1796100000000,
    BotSettingsTranslateQuestions1797600000000,
    BotSettingsRewriteFollowUps1797700000000,
  ],
};
