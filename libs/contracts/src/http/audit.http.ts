import { z } from 'zod';

import { PageQuery, pageOf } from './paging.http';

/**
 * Actions recorded in the audit log, named `<area>.<subject>.<verb>`. Features add their own
 * names here (additively) so the console can label them.
 */
export const AuditAction = {
  LoginSucceeded: 'auth.login.succeeded',
  LoginFailed: 'auth.login.failed',
  AccountLocked: 'auth.account.locked',
  Logout: 'auth.logout',
  /** An already used refresh token came back: the whole session was revoked. */
  RefreshTokenReused: 'auth.session.reuse_detected',
  UserCreated: 'users.user.created',
  UserUpdated: 'users.user.updated',
  UserDisabled: 'users.user.disabled',
  UserEnabled: 'users.user.enabled',
  UserUnlocked: 'users.user.unlocked',
  PasswordReset: 'users.password.reset',
  PasswordChanged: 'users.password.changed',
  /** An operator sent dead letters back to their queues. */
  DeadLettersReplayed: 'ops.dead_letters.replayed',
  BotSettingsUpdated: 'settings.bot.updated',
  BotSettingsRolledBack: 'settings.bot.rolled_back',
  DocumentUploaded: 'knowledge.document.uploaded',
  DocumentReplaced: 'knowledge.document.replaced',
  DocumentDeleted: 'knowledge.document.deleted',
  DocumentReindexed: 'knowledge.document.reindexed',
  DocumentsReindexed: 'knowledge.documents.reindexed',
  /** An administrator set the language a document is searched in, or had it told again. */
  DocumentLanguageSet: 'knowledge.document.language_set',
  /** An administrator had every web document fetched again. */
  WebDocumentsRefreshed: 'knowledge.documents.refreshed',
  DraftEdited: 'tickets.draft.edited',
  /** Details carry the outcome: sent, sending, queued, stale or failed. */
  DraftApproved: 'tickets.draft.approved',
  DraftRejected: 'tickets.draft.rejected',
  DraftRegenerated: 'tickets.draft.regenerated',
  /** An approved reply was posted to WHMCS. */
  ReplySent: 'tickets.reply.sent',
  /** An administrator turned a sent reply into a knowledge-base article. */
  ReplyAddedToKnowledge: 'tickets.reply.added_to_knowledge',
  /** A staff note was added to a WHMCS ticket from the console. */
  TicketNoteAdded: 'tickets.note.added',
  /** An administrator closed a knowledge gap: an article was written for it, or dismissed. */
  KnowledgeGapClosed: 'analytics.knowledge_gap.closed',
  KnowledgeGapReopened: 'analytics.knowledge_gap.reopened',
  /** An administrator stopped dismissing a topic's new questions. */
  KnowledgeGapTopicForgotten: 'analytics.knowledge_gap.topic_forgotten',
  /** An operator restarted WHMCS polling after a 403 stopped it. */
  SyncResumed: 'tickets.sync.resumed',
  /** An administrator chose the departments whose tickets get drafts. */
  DraftingDepartmentsChanged: 'tickets.departments.changed',
} as const;
export type KnownAuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export const AuditEntry = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  /** Who acted; both null for the system itself, only the email for an unknown sign-in name. */
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  actorId: z.uuid().optional(),
  actorEmail: z.string().trim().toLowerCase().min(1).max(254).optional(),
  /** An exact action, or every action of an area with a trailing `.*` (for example `auth.*`). */
  action: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?$/,
      'must be an action name, optionally ending in .*',
    )
    .max(100)
    .optional(),
  /** Inclusive lower bound (ISO 8601 with offset). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive upper bound (ISO 8601 with offset). */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
