import { Controller } from '@nestjs/common';

import type { ServiceHealth } from '@deskpilot/contracts';
import { SystemRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';
import { HealthRegistry } from '@deskpilot/runtime';

@Controller()
export class LlmHealthController {
  constructor(private readonly health: HealthRegistry) {}

  @OnRequest(SystemRpc.LlmHealth)
  check(): Promise<ServiceHealth> {
    return this.health.report();
  }
}
