import { throwError } from 'rxjs';

import { DraftChanged } from '@deskpilot/contracts';
import type { Broker, Consumer } from '@deskpilot/messaging';

/** Records `tickets.draft.changed`, as the console's live view will receive it. */
export class DraftChangeRecorder {
  readonly changes: DraftChanged[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly broker: Broker) {}

  async start(): Promise<void> {
    this.consumer = await this.broker.consume(
      { service: 'console', instanceId: 'console-test', prefetch: 64 },
      {
        onEvent: (event) => {
          this.changes.push(DraftChanged.parse(event.payload));
          return Promise.resolve();
        },
        onRequest: () => throwError(() => new Error('The console answers no requests')),
      },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  statusesOf(draftId: string): string[] {
    return this.changes.filter((change) => change.draftId === draftId).map((c) => c.status);
  }
}
