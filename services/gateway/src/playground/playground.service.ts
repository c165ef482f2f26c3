import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import type { z } from 'zod';

import type {
  AnswerChunk,
  AnswerPassage,
  BotSettingsValues,
  Citation,
  PlaygroundRequest,
  PlaygroundResult,
  PromptMessage,
  SettingsOverride,
} from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

import type { AuthenticatedUser } from '../auth';
import type { ServerSentEvent } from '../chat/sse-stream';
import { BotSettingsService } from '../settings/bot-settings.service';

const ANSWER_TIMEOUT_MS = 120_000;

/** A playground answer being written. */
export interface PlaygroundRun {
  readonly done: Promise<PlaygroundResult>;
  cancel(): Promise<void>;
}

/**
 * Runs a query through the answer pipeline with the current settings, a stored version or a
 * draft, showing the passages with their scores, the prompt as sent and the answer. Logged by llm
 * as a `playground` interaction.
 */
@Injectable()
export class PlaygroundService {
  constructor(
    private readonly settings: BotSettingsService,
    private readonly bus: MessageBus,
  ) {}

  async run(
    user: AuthenticatedUser,
    request: z.output<typeof PlaygroundRequest>,
    onEvent: (event: ServerSentEvent) => void,
  ): Promise<PlaygroundRun> {
    const override = await this.overrideFor(request);
    const settings: BotSettingsValues =
      override?.settings ?? (await this.settings.current()).settings;
    const interactionId = randomUUID();
    const chunks = this.bus.stream(
      AnsweringRpc.Answer,
      {
        interactionId,
        question: request.query,
        history: [],
        user: { id: user.id, name: user.name },
        purpose: 'playground',
        inspect: true,
        ...(override === undefined ? {} : { settings: override }),
      },
      { timeoutMs: ANSWER_TIMEOUT_MS },
    );
    let cancelled = false;
    return {
      done: collect(chunks, settings, onEvent),
      cancel: async () => {
        if (!cancelled) {
          cancelled = true;
          await this.bus.publish(AnsweringEvent.AnswerCancelled, { interactionId });
        }
      },
    };
  }

  private async overrideFor(
    request: z.output<typeof PlaygroundRequest>,
  ): Promise<SettingsOverride | undefined> {
    if (request.settings !== undefined) {
      return { version: null, settings: request.settings };
    }
    if (request.version !== undefined) {
      const stored = await this.settings.get(request.version);
      return { version: stored.version, settings: stored.settings };
    }
    return undefined;
  }
}

function collect(
  chunks: Observable<AnswerChunk>,
  settings: BotSettingsValues,
  onEvent: (event: ServerSentEvent) => void,
): Promise<PlaygroundResult> {
  return new Promise((resolve, reject) => {
    let passages: AnswerPassage[] = [];
    let prompt: PromptMessage[] = [];
    let citations: Citation[] = [];
    chunks.subscribe({
      next: (chunk) => {
        switch (chunk.type) {
          case 'started':
            passages = chunk.passages ?? [];
            prompt = chunk.prompt ?? [];
            onEvent({ event: 'started', data: chunk });
            break;
          case 'token':
            onEvent({ event: 'token', data: { text: chunk.text } });
            break;
          case 'citations':
            citations = chunk.citations;
            onEvent({ event: 'citations', data: { citations } });
            break;
          case 'final': {
            const result: PlaygroundResult = {
              interactionId: chunk.interactionId,
              settingsVersion: chunk.settingsVersion,
              settings,
              model: chunk.model,
              offline: chunk.offline,
              passages,
              prompt,
              answer: chunk.text,
              citations,
              final: chunk,
            };
            onEvent({ event: 'final', data: result });
            resolve(result);
            break;
          }
        }
      },
      error: reject,
      complete: () => {
        reject(new Error('The answer ended without a final record'));
      },
    });
  });
}
