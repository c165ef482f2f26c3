import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type {
  InteractionDetail,
  InteractionsQuery,
  ListInteractionsResponse,
} from '@deskpilot/contracts';
import { InteractionsRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

const TIMEOUT_MS = 10_000;

/** The interaction log kept by llm, read over the bus. */
@Injectable()
export class InteractionsService {
  constructor(private readonly bus: MessageBus) {}

  list(query: z.output<typeof InteractionsQuery>): Promise<ListInteractionsResponse> {
    return this.bus.request(InteractionsRpc.List, query, { timeoutMs: TIMEOUT_MS });
  }

  get(id: string): Promise<InteractionDetail> {
    return this.bus.request(InteractionsRpc.Get, { id }, { timeoutMs: TIMEOUT_MS });
  }
}
