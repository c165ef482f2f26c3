import type { AnswerFinalChunk } from '@deskpilot/contracts';
import { createLogger } from '@deskpilot/observability';

import type { AnswerJob } from '../answering/answer-job';
import { SecretRedactor } from '../safety/secret-redactor';
import { defaultBotSettings } from '../settings/default-bot-settings';
import type { DismissedTopicsService } from './dismissed-topics.service';
import type { InteractionEntity } from './entities/interaction.entity';
import { InteractionLogService } from './interaction-log.service';
import type { InteractionsRepository } from './interactions.repository';

/** Records the writes it is asked for; each closing write waits until the test releases it. */
class HeldWrites {
  readonly started: string[] = [];
  private readonly held: (() => void)[] = [];

  insertIfNew(entry: Partial<InteractionEntity>): Promise<boolean> {
    this.started.push(`open ${entry.id ?? ''}`);
    return Promise.resolve(true);
  }

  update(id: string): Promise<void> {
    this.started.push(`close ${id}`);
    return new Promise((resolve) => {
      this.held.push(resolve);
    });
  }

  closeIfDismissed(id: string): Promise<null> {
    this.started.push(`topics ${id}`);
    return Promise.resolve(null);
  }

  releaseOldest(): void {
    this.held.shift()?.();
  }
}

function job(interactionId: string): AnswerJob {
  return {
    interactionId,
    kind: 'chat',
    userId: 'user-1',
    conversationId: null,
    draftId: null,
    ticketId: null,
    question: 'How do I reset my cPanel password?',
    searchQuery: 'How do I reset my cPanel password?',
    history: [],
    ticket: null,
    settings: { version: 1, values: defaultBotSettings('openai/gpt-4o-mini') },
    inspect: false,
    signal: new AbortController().signal,
  };
}

function finished(interactionId: string): Parameters<InteractionLogService['finish']>[1] {
  const final: AnswerFinalChunk = {
    type: 'final',
    interactionId,
    outcome: 'ok',
    text: 'Open the cPanel login page and choose Reset Password [1].',
    confidence: 1,
    flags: {
      injectionSuspected: false,
      injectionSignals: [],
      redactions: [],
      unsupportedSentences: [],
      truncated: false,
    },
    usage: null,
    model: 'openai/gpt-4o-mini',
    settingsVersion: 1,
    offline: false,
    firstTokenMs: 5,
    totalMs: 20,
  };
  return {
    final,
    passages: [],
    prompt: [],
    citations: [],
    generationId: null,
    attempts: 1,
    asked: { kind: 'chat', question: 'How do I reset my cPanel password?', ticketSubject: null },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('InteractionLogService', () => {
  it('should open a new entry at once while earlier answers wait to be closed one at a time', async () => {
    const writes = new HeldWrites();
    const sut = new InteractionLogService(
      writes as unknown as InteractionsRepository,
      new SecretRedactor(),
      writes as unknown as DismissedTopicsService,
      createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    );

    const closingA = sut.finish('a', finished('a'));
    const closingB = sut.finish('b', finished('b'));
    await settle();
    await sut.open({
      job: job('c'),
      question: 'How do I reset my cPanel password?',
      ticketSubject: null,
      offline: false,
    });

    expect(writes.started).toEqual(['close a', 'open c']);
    writes.releaseOldest();
    await closingA;
    await settle();
    expect(writes.started).toEqual(['close a', 'open c', 'topics a', 'close b']);
    writes.releaseOldest();
    await closingB;
    expect(writes.started.at(-1)).toBe('topics b');
  });
});
