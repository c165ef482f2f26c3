import { randomUUID } from 'node:crypto';

import { Draft } from '../../src/drafts/entities/draft.entity';

/** A draft as the database would return it; override what the test is about. */
export function aDraft(overrides: Partial<Draft> = {}): Draft {
  const now = new Date('2025-01-01T10:00:00Z');
  return Object.assign(new Draft(), {
    id: randomUUID(),
    ticketId: '12',
    basedOnReplyId: '0',
    status: 'pending',
    statusReason: null,
    aiText: null,
    humanText: null,
    citations: [],
    confidence: null,
    flags: null,
    offline: null,
    model: null,
    settingsVersion: null,
    interactionId: null,
    requestAttempts: 1,
    requestedAt: now,
    nextRequestAt: now,
    generatedAt: null,
    editedBy: null,
    editedAt: null,
    approvedBy: null,
    approvedAt: null,
    rejectedBy: null,
    rejectedAt: null,
    editRatio: null,
    sendText: null,
    replyStatus: null,
    guidance: null,
    sourceDocumentIds: null,
    postAs: null,
    sendAttempts: 0,
    sendLeaseOwner: null,
    sendLeaseUntil: null,
    sendBaselineReplyId: null,
    sendIntentAt: null,
    sentAt: null,
    version: 2,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}
