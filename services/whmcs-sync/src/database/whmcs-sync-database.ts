import type { MigrationTarget } from '@deskpilot/runtime';

import { Draft } from '../drafts/entities/draft.entity';
import { MirroredMessage } from '../mirror/entities/mirrored-message.entity';
import { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { OutboundReplyLogEntry } from '../replies/entities/outbound-reply-log-entry.entity';
import { SentReply } from '../replies/entities/sent-reply.entity';
import { SyncAlertRecord } from '../sync/entities/sync-alert.entity';
import { SyncState } from '../sync/entities/sync-state.entity';
import { CreateTicketAnswering1795995914762 } from './migrations/1795995914762-CreateTicketAnswering';
import { ScheduleUnsentDrafts1796300000000 } from './migrations/1796300000000-ScheduleUnsentDrafts';
import { RecoverFailedDrafts1796400000000 } from './migrations/1796400000000-RecoverFailedDrafts';
import { CloseTicketOnSend1796500000000 } from './migrations/1796500000000-CloseTicketOnSend';
import { DraftGuidance1796600000000 } from './migrations/1796600000000-DraftGuidance';
import { ReplyStatus1796700000000 } from './migrations/1796700000000-ReplyStatus';
import { TicketNotes1796800000000 } from './migrations/1796800000000-TicketNotes';
import { DraftSourceDocuments1796900000000 } from './migrations/1796900000000-DraftSourceDocuments';
import { DraftingDepartments1797000000000 } from './migrations/1797000000000-DraftingDepartments';

/**
 * The whmcs_sync schema: ticket mirror, drafts, sent replies and their log, sync cursor, alerts,
 * the departments drafted.
 */
export const whmcsSyncDatabase: MigrationTarget = {
  service: 'whmcs-sync',
  schema: 'whmcs_sync',
  entities: [
    MirroredTicket,
    MirroredMessage,
    Draft,
    SentReply,
    OutboundReplyLogEntry,
    SyncState,
    SyncAlertRecord,
  ],
  migrations: [
    CreateTicketAnswering1795995914762,
    ScheduleUnsentDrafts1796300000000,
    RecoverFailedDrafts1796400000000,
    CloseTicketOnSend1796500000000,
    DraftGuidance1796600000000,
    ReplyStatus1796700000000,
    TicketNotes1796800000000,
    DraftSourceDocuments1796900000000,
    DraftingDepartments1797000000000,
  ],
};
