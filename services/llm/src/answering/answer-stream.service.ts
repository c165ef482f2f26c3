import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';

import type { AnswerChunk, RpcRequest } from '@deskpilot/contracts';
import { AnsweringRpc } from '@deskpilot/contracts';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { BotSettingsService } from '../settings/bot-settings.service';
import { AnswerCancellations } from './answer-cancellations';
import type { AnswerJob } from './answer-job';
import { AnswerPipeline } from './answer-pipeline';
import { TokenCoalescer } from './token-coalescer';

export type AnswerStreamRequest = RpcRequest<typeof AnsweringRpc.Answer>;

/** Chat and playground answers as a stream of chunks; unsubscribing cancels the answer. */
@Injectable()
export class AnswerStreamService {
  constructor(
    private readonly pipeline: AnswerPipeline,
    private readonly settings: BotSettingsService,
    private readonly cancellations: AnswerCancellations,
    @Inject(LLM_CONFIG) private readonly config: LlmConfig,
  ) {}

  stream(request: AnswerStreamRequest): Observable<AnswerChunk> {
    return new Observable<AnswerChunk>((subscriber) => {
      const { interactionId } = request;
      const controller = this.cancellations.register(interactionId);
      const job: AnswerJob = {
        interactionId,
        kind: request.purpose === 'playground' ? 'playground' : 'chat',
        userId: request.user.id,
        conversationId: request.conversationId ?? null,
        draftId: null,
        ticketId: null,
        question: request.question,
        searchQuery: request.question,
        history: request.history,
        ticket: null,
        settings: request.settings
          ? { version: request.settings.version, values: request.settings.settings }
          : this.settings.resolved(),
        inspect: request.inspect,
        signal: controller.signal,
      };
      const chunks = new TokenCoalescer((chunk) => {
        subscriber.next(chunk);
      }, this.config.answering.tokenBatchMs);
      this.pipeline
        .run(job, chunks.emit)
        .then(
          () => {
            chunks.flush();
            subscriber.complete();
          },
          (error: unknown) => {
            chunks.flush();
            subscriber.error(error);
          },
        )
        .finally(() => {
          this.cancellations.release(interactionId);
        });
      return () => {
        chunks.flush();
        controller.abort();
      };
    });
  }

  cancel(interactionId: string): void {
    this.cancellations.cancel(interactionId);
  }
}
