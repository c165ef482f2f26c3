import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { BotSettingsPublished, CurrentSettings } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { ResolvedSettings } from '../answering/answer-job';
import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { BotSettingsRepository } from './bot-settings.repository';
import { defaultBotSettings } from './default-bot-settings';

/**
 * The bot settings this replica answers with: the highest version received (kept in the llm
 * schema, so a replica that starts later picks it up), or the defaults until one arrives.
 */
@Injectable()
export class BotSettingsService implements OnModuleInit {
  private current: CurrentSettings;

  constructor(
    private readonly repository: BotSettingsRepository,
    @Inject(LLM_CONFIG) config: LlmConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.current = {
      version: 0,
      settings: defaultBotSettings(config.openRouter.model),
      receivedAt: null,
    };
  }

  async onModuleInit(): Promise<void> {
    const latest = await this.repository.findLatest();
    if (latest) {
      this.current = {
        version: latest.version,
        settings: latest.settings,
        receivedAt: latest.receivedAt.toISOString(),
      };
    }
  }

  snapshot(): CurrentSettings {
    return this.current;
  }

  resolved(): ResolvedSettings {
    return { version: this.current.version, values: this.current.settings };
  }

  async apply(event: BotSettingsPublished): Promise<void> {
    await this.repository.saveIfNew(event);
    if (event.version > this.current.version) {
      this.current = {
        version: event.version,
        settings: event.settings,
        receivedAt: new Date().toISOString(),
      };
      this.logger.info(
        { version: event.version, model: event.settings.model },
        'Bot settings version now in use',
      );
    }
  }
}
