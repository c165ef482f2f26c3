import { Inject, Injectable } from '@nestjs/common';

import type {
  DeadLetterList,
  DeadLetterView,
  QueueOverview,
  ReplayDeadLettersResponse,
  ServiceName,
} from '@deskpilot/contracts';
import { AuditAction, DEAD_LETTER_BODY_LIMIT, SERVICE_NAMES } from '@deskpilot/contracts';
import type { Broker, DeadLetter } from '@deskpilot/messaging';
import { BROKER } from '@deskpilot/messaging';

import { AuditService } from '../audit/audit.service';
import { identifyQueue } from './queue-names';

/** What an operator sees of the bus: queue depths, dead letters, and replaying them. */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(BROKER) private readonly broker: Broker,
    private readonly audit: AuditService,
  ) {}

  async queues(): Promise<QueueOverview> {
    const stats = await this.broker.queueStats();
    return {
      transport: this.broker.transport,
      checkedAt: new Date().toISOString(),
      queues: stats
        .map((stat) => ({ ...stat, ...identifyQueue(stat.queue) }))
        .sort((a, b) => a.queue.localeCompare(b.queue)),
    };
  }

  async deadLetters(service: ServiceName | undefined): Promise<DeadLetterList> {
    const services = service === undefined ? SERVICE_NAMES : [service];
    const lists = await Promise.all(
      services.map(async (name) =>
        (await this.broker.deadLetters(name)).map((letter) => toView(name, letter)),
      ),
    );
    return {
      items: lists.flat().sort((a, b) => b.deadAt.localeCompare(a.deadAt)),
    };
  }

  async replay(
    service: ServiceName,
    ids: readonly string[] | undefined,
  ): Promise<ReplayDeadLettersResponse> {
    const replayed = await this.broker.replayDeadLetters(service, ids);
    await this.audit.record({
      action: AuditAction.DeadLettersReplayed,
      target: { type: 'service', id: service },
      details: { replayed, ...(ids === undefined ? { all: true } : { ids }) },
    });
    return { replayed };
  }
}

function toView(service: ServiceName, letter: DeadLetter): DeadLetterView {
  const truncated = letter.body.length > DEAD_LETTER_BODY_LIMIT;
  return {
    id: letter.id,
    service,
    name: letter.name,
    queue: letter.queue,
    reason: letter.reason,
    error: letter.error,
    attempts: letter.attempts,
    deadAt: letter.deadAt,
    correlationId: letter.correlationId,
    body: truncated ? letter.body.slice(0, DEAD_LETTER_BODY_LIMIT) : letter.body,
    bodyTruncated: truncated,
  };
}
