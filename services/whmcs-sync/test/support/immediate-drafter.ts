import { randomUUID } from 'node:crypto';
import { throwError } from 'rxjs';

import type { DraftGenerated } from '@deskpilot/contracts';
import { DraftRequested, DraftingEvent, TicketsEvent, topology } from '@deskpilot/contracts';
import type { Broker, BusTopology, Consumer } from '@deskpilot/messaging';
import { MessageBus } from '@deskpilot/messaging';

/**
 * The product topology plus what the llm service will consume (draft requests) and a console
 * listening to draft changes. The drafter below plays the llm's part through the bus contract.
 */
export const DRAFTING_TOPOLOGY: BusTopology = {
  ...topology,
  llm: { events: [DraftingEvent.DraftRequested], broadcast: [], rpcs: [] },
  console: { events: [TicketsEvent.DraftChanged], broadcast: [], rpcs: [] },
};

export interface DrafterOptions {
  /** Answer `llm.draft.failed` instead, retryable or not. */
  readonly fail?: (request: DraftRequested) => 'retryable' | 'permanent' | undefined;
  /** Keep requests unanswered (they are still recorded). */
  readonly silent?: boolean;
  /** Cite a knowledge-base passage as `[1]` after the sentence about the customer's message. */
  readonly cite?: boolean;
}

/** Writes the draft text the drafter sends for a request; tests match on it. */
export function draftTextFor(request: DraftRequested): string {
  const last = request.thread.at(-1);
  return [
    `Hello ${request.customer.name},`,
    '',
    `thank you for your message about "${request.subject}" (ticket #${request.ticketNumber}).`,
    `We are looking into: ${(last?.text ?? '').slice(0, 60).replace(/\s+/g, ' ')}`,
    '',
    'Kind regards,',
    'Support',
  ].join('\n');
}

/** Answers every draft request at once, as a drafter with a zero-delay model would. */
export class ImmediateDrafter {
  readonly requests: DraftRequested[] = [];
  private consumer: Consumer | undefined;
  private readonly bus: MessageBus;

  constructor(
    private readonly broker: Broker,
    private readonly options: DrafterOptions = {},
  ) {
    this.bus = new MessageBus(broker, { service: 'llm', defaultTimeoutMs: 10_000 });
  }

  async start(): Promise<void> {
    this.consumer = await this.broker.consume(
      { service: 'llm', instanceId: `drafter-${randomUUID().slice(0, 8)}`, prefetch: 64 },
      {
        onEvent: async (event) => {
          const request = DraftRequested.parse(event.payload);
          this.requests.push(request);
          await this.answer(request);
        },
        onRequest: () => throwError(() => new Error('The test drafter answers no requests')),
      },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  requestsFor(ticketId: string): DraftRequested[] {
    return this.requests.filter((request) => request.ticketId === ticketId);
  }

  private async answer(request: DraftRequested): Promise<void> {
    if (this.options.silent === true) {
      return;
    }
    const failure = this.options.fail?.(request);
    if (failure !== undefined) {
      await this.bus.publish(DraftingEvent.DraftFailed, {
        draftId: request.draftId,
        ticketId: request.ticketId,
        reason: failure === 'retryable' ? 'model unavailable' : 'request refused',
        retryable: failure === 'retryable',
      });
      return;
    }
    const cite = this.options.cite === true;
    const text = draftTextFor(request);
    const generated: DraftGenerated = {
      draftId: request.draftId,
      ticketId: request.ticketId,
      text: cite ? text.replace(/^(We are looking into: .*)$/m, '$1 [1]') : text,
      citations: cite
        ? [
            {
              index: 1,
              chunkId: randomUUID(),
              documentId: randomUUID(),
              documentTitle: 'Rebooting a VPS and using the console',
              headingPath: [],
              excerpt: 'A normal reboot asks the operating system to restart.',
            },
          ]
        : [],
      confidence: 0.8,
      flags: { injectionSuspected: false, redactions: [], unsupportedSentences: [] },
      offline: true,
      model: 'immediate-test-drafter',
      settingsVersion: 3,
      interactionId: randomUUID(),
    };
    await this.bus.publish(DraftingEvent.DraftGenerated, generated);
  }
}
