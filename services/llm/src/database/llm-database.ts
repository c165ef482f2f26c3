import type { MigrationTarget } from '@deskpilot/runtime';

import { DraftJobEntity } from '../drafts/entities/draft-job.entity';
import { InteractionFeedbackEntity } from '../interactions/entities/interaction-feedback.entity';
import { InteractionEntity } from '../interactions/entities/interaction.entity';
import { BotSettingsVersionEntity } from '../settings/entities/bot-settings-version.entity';
import { CreateInteractionLog1764460800000 } from './migrations/1764460800000-CreateInteractionLog';
import { InteractionTicketSubject1797200000000 } from './migrations/1797200000000-InteractionTicketSubject';
import { GapClosures1797300000000 } from './migrations/1797300000000-GapClosures';
import { DismissedTopics1797400000000 } from './migrations/1797400000000-DismissedTopics';

/**
 * The llm schema: the interaction log, feedback copies, closed knowledge gaps and dismissed
 * topics, bot settings versions, draft jobs.
 */
export const llmDatabase: MigrationTarget = {
  service: 'llm',
  schema: 'llm',
  entities: [
    InteractionEntity,
    InteractionFeedbackEntity,
    BotSettingsVersionEntity,
    DraftJobEntity,
  ],
  migrations: [
    CreateInteractionLog1764460800000,
    InteractionTicketSubject1797200000000,
    GapClosures1797300000000,
    DismissedTopics1797400000000,
  ],
};
