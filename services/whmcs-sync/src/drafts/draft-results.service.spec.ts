import { randomUUID } from 'node:crypto';

import type { DraftGenerated } from '@deskpilot/contracts';
import { PermanentMessageError } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';

import { aDraft } from '../../test/factories/draft.factory';
import type { DraftEventsPublisher } from './draft-events.publisher';
import { DraftResultsService } from './draft-results.service';
import type { DraftsRepository } from './drafts.repository';
import type { Draft } from './entities/draft.entity';

describe(DraftResultsService.name, () => {
  let drafts: jest.Mocked<Pick<DraftsRepository, 'find' | 'update' | 'noteFailure'>>;
  let events: jest.Mocked<Pick<DraftEventsPublisher, 'changed'>>;
  let sut: DraftResultsService;

  function generated(draft: Draft): DraftGenerated {
    return {
      draftId: draft.id,
      ticketId: draft.ticketId,
      text: 'Hello',
      citations: [],
      confidence: 0.7,
      flags: { injectionSuspected: true, redactions: ['password'], unsupportedSentences: [] },
      offline: false,
      model: 'model-a',
      settingsVersion: 4,
      interactionId: randomUUID(),
    };
  }

  beforeEach(() => {
    drafts = { find: jest.fn(), update: jest.fn(), noteFailure: jest.fn() };
    events = { changed: jest.fn().mockResolvedValue(undefined) };
    sut = new DraftResultsService(
      drafts as unknown as DraftsRepository,
      events as unknown as DraftEventsPublisher,
      createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    );
  });

  /** `draft` is what the repository finds, and it applies every update to it. */
  function stored(draft: Draft): void {
    drafts.find.mockResolvedValue(draft);
    drafts.update.mockImplementation((d, patch) =>
      Promise.resolve(Object.assign(aDraft(), d, patch)),
    );
  }

  describe('generated', () => {
    it('should make a pending draft ready with its citations, confidence, flags and settings version', async () => {
      const draft = aDraft();
      stored(draft);

      await sut.generated(generated(draft));

      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.objectContaining({
          status: 'ready',
          aiText: 'Hello',
          confidence: 0.7,
          settingsVersion: 4,
          flags: expect.objectContaining({ injectionSuspected: true }) as unknown,
        }),
      );
      expect(events.changed).toHaveBeenCalledWith(expect.anything(), 'pending');
    });

    it('should make a failed draft ready when a later request succeeds', async () => {
      const draft = aDraft({ status: 'failed', statusReason: 'model down', requestAttempts: 5 });
      stored(draft);

      await sut.generated(generated(draft));

      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.objectContaining({ status: 'ready', statusReason: null, nextRequestAt: null }),
      );
      expect(events.changed).toHaveBeenCalledWith(
        expect.objectContaining({ status: 'ready' }),
        'failed',
      );
    });

    it('should change nothing when the result arrives again', async () => {
      const draft = aDraft({ status: 'ready', aiText: 'Hello' });
      drafts.find.mockResolvedValue(draft);

      await sut.generated(generated(draft));

      expect(drafts.update).not.toHaveBeenCalled();
    });

    it('should keep the text of a draft that went stale without reviving it', async () => {
      const draft = aDraft({ status: 'stale' });
      drafts.find.mockResolvedValue(draft);
      drafts.update.mockResolvedValue(draft);

      await sut.generated(generated(draft));

      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.not.objectContaining({ status: 'ready' }),
      );
      expect(events.changed).not.toHaveBeenCalled();
    });

    it('should dead-letter a result for an unknown draft', async () => {
      drafts.find.mockResolvedValue(null);

      await expect(sut.generated(generated(aDraft()))).rejects.toBeInstanceOf(
        PermanentMessageError,
      );
    });

    it('should fail the delivery so it is retried when the draft changed meanwhile', async () => {
      const draft = aDraft();
      drafts.find.mockResolvedValue(draft);
      drafts.update.mockResolvedValue(null);

      await expect(sut.generated(generated(draft))).rejects.toThrow('changed while');
    });
  });

  describe('failed', () => {
    it('should ask again later when the failure is retryable', async () => {
      const draft = aDraft({ requestAttempts: 1 });
      drafts.find.mockResolvedValue(draft);
      drafts.update.mockResolvedValue(draft);

      await sut.failed({
        draftId: draft.id,
        ticketId: '12',
        reason: 'model down',
        retryable: true,
      });

      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.objectContaining({ nextRequestAt: expect.any(Date) as Date }),
      );
      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.not.objectContaining({ status: 'failed' }),
      );
    });

    it('should mark the draft failed when the failure is permanent, to be asked for again later', async () => {
      const draft = aDraft({ createdAt: new Date() });
      drafts.find.mockResolvedValue(draft);
      drafts.update.mockResolvedValue(aDraft({ id: draft.id, status: 'failed' }));

      await sut.failed({ draftId: draft.id, ticketId: '12', reason: 'refused', retryable: false });

      const patch = drafts.update.mock.calls[0]?.[1];
      expect(patch).toMatchObject({ status: 'failed', statusReason: 'refused' });
      const retryIn = (patch?.nextRequestAt as Date).getTime() - Date.now();
      expect(retryIn).toBeGreaterThan(4 * 60_000);
      expect(retryIn).toBeLessThanOrEqual(5 * 60_000);
      expect(events.changed).toHaveBeenCalledWith(expect.anything(), 'pending');
    });

    it('should not ask again for a draft that has been failing for a day', async () => {
      const draft = aDraft({ createdAt: new Date(Date.now() - 24 * 3_600_000) });
      drafts.find.mockResolvedValue(draft);
      drafts.update.mockResolvedValue(aDraft({ id: draft.id, status: 'failed' }));

      await sut.failed({ draftId: draft.id, ticketId: '12', reason: 'refused', retryable: false });

      expect(drafts.update).toHaveBeenCalledWith(
        draft,
        expect.objectContaining({ status: 'failed', nextRequestAt: null }),
      );
    });

    it('should only note the reason when a failed draft fails again', async () => {
      const draft = aDraft({ status: 'failed', statusReason: 'model down' });
      drafts.find.mockResolvedValue(draft);

      await sut.failed({
        draftId: draft.id,
        ticketId: '12',
        reason: 'no credits',
        retryable: false,
      });

      expect(drafts.noteFailure).toHaveBeenCalledWith(draft, 'no credits');
      expect(drafts.update).not.toHaveBeenCalled();
      expect(events.changed).not.toHaveBeenCalled();
    });
  });
});
