import { Controller } from '@nestjs/common';

import type { BotSettingsPublished, CurrentSettings } from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent, OnRequest } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { BotSettingsService } from './bot-settings.service';

@Controller()
export class BotSettingsController {
  constructor(private readonly settings: BotSettingsService) {}

  @OnEvent(AnsweringEvent.SettingsPublished)
  published(event: BotSettingsPublished, _context: BusContext): EventHandled {
    return this.settings.apply(event);
  }

  @OnRequest(AnsweringRpc.CurrentSettings)
  current(): CurrentSettings {
    return this.settings.snapshot();
  }
}
