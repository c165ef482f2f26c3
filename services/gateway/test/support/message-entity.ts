import { randomUUID } from 'node:crypto';

import type { MessageEntity } from '../../src/conversations/entities/message.entity';

/** A stored chat message for tests that put rows in place: a finished one unless told otherwise. */
export function messageEntity(
  fields: Pick<MessageEntity, 'conversationId'> & Partial<MessageEntity>,
): MessageEntity {
  return {
    id: randomUUID(),
    role: 'assistant',
    content: '',
    status: 'complete',
    interactionId: null,
    citations: [],
    confidence: null,
    flags: null,
    offline: null,
    model: null,
    settingsVersion: null,
    failure: null,
    createdAt: new Date(),
    ...fields,
  };
}
