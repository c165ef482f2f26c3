import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { ConversationsRepository } from '../conversations/conversations.repository';
import { ANSWER_TIMEOUT_MS } from './chat.service';

const EVERY_MS = 5 * 60 * 1000;
/** No answer runs this long: by then the gateway that wrote it has stopped. */
const ABANDONED_AFTER_MS = ANSWER_TIMEOUT_MS + 60_000;

/**
 * An answer stays `pending` only while a gateway streams it. When that gateway stops mid-answer
 * (a crash, a deploy), nobody finishes it; this marks such answers failed, at start and every few
 * minutes on every replica, so the conversation shows a retryable error instead of a spinner.
 */
@Injectable()
export class AbandonedAnswers implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: ConversationsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => {
      void this.sweep();
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<void> {
    try {
      const failed = await this.repository.failPendingAnswers(
        new Date(now.getTime() - ABANDONED_AFTER_MS),
        {
          failure: {
            reason: 'internal',
            message: 'The answer was interrupted: the gateway writing it stopped.',
            retryable: true,
          },
        },
      );
      if (failed > 0) {
        this.logger.warn({ failed }, 'Marked interrupted answers as failed');
      }
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'Sweeping interrupted answers failed; will retry');
    }
  }
}
