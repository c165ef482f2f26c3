import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';

import type { QueueDepth, QueueKind, QueueOverview } from '@deskpilot/contracts';

import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import type { BadgeTone } from '../ui/status-badge';
import { StatusBadge } from '../ui/status-badge';
import { OperationsApi } from './operations-api';

const KIND_LABELS: Record<QueueKind, string> = {
  work: 'Events',
  broadcast: 'Broadcast (per replica)',
  rpc: 'Requests',
  retry: 'Waiting to retry',
  dead: 'Dead letters',
};

/** How many messages wait in each queue, and who consumes them. */
@Component({
  selector: 'dp-queues-panel',
  imports: [MatTableModule, StatusBadge, LoadingState, ErrorState, EmptyState],
  templateUrl: './queues-panel.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuesPanel {
  private readonly api = inject(OperationsApi);
  protected readonly overview = new RemoteData<QueueOverview>();
  protected readonly columns = ['service', 'kind', 'queue', 'messages', 'consumers'];

  protected readonly transport = computed(() => {
    const transport = this.overview.value()?.transport;
    return transport === undefined ? '' : transport === 'amqp' ? 'RabbitMQ' : 'In-process bus';
  });
  protected readonly waiting = computed(() =>
    (this.overview.value()?.queues ?? [])
      .filter((queue) => queue.kind !== 'dead')
      .reduce((sum, queue) => sum + queue.messages, 0),
  );

  constructor() {
    this.refresh();
  }

  refresh(): void {
    this.overview.load(this.api.queues());
  }

  protected kindLabel(queue: QueueDepth): string {
    return queue.kind === null ? 'Other' : KIND_LABELS[queue.kind];
  }

  protected depthTone(queue: QueueDepth): BadgeTone {
    if (queue.messages === 0) {
      return 'neutral';
    }
    return queue.kind === 'dead' ? 'danger' : 'warning';
  }
}
