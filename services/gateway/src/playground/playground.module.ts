import { Module } from '@nestjs/common';

import { BotSettingsModule } from '../settings/bot-settings.module';
import { PlaygroundController } from './playground.controller';
import { PlaygroundService } from './playground.service';

@Module({
  imports: [BotSettingsModule],
  controllers: [PlaygroundController],
  providers: [PlaygroundService],
})
export class PlaygroundModule {}
