import { Module } from '@nestjs/common';

import { BotSettingsController } from './bot-settings.controller';
import { BotSettingsRepository } from './bot-settings.repository';
import { BotSettingsService } from './bot-settings.service';

@Module({
  controllers: [BotSettingsController],
  providers: [BotSettingsRepository, BotSettingsService],
  exports: [BotSettingsService],
})
export class BotSettingsModule {}
