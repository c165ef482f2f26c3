import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, OpsController, RuntimeModule, databaseUrl } from '@deskpilot/runtime';

import { AnswerCancellations } from './answering/answer-cancellations';
import { AnswerPipeline } from './answering/answer-pipeline';
import { AnswerStreamService } from './answering/answer-stream.service';
import { AnswerController } from './answering/answer.controller';
import { PassageRetriever } from './answering/passage-retriever';
import { SearchQueryWriter } from './answering/search-query-writer';
import { LLM_CONFIG } from './config/llm-config.token';
import type { LlmConfig } from './config/llm.config';
import { llmDatabase } from './database/llm-database';
import { DraftJobRetention } from './drafts/draft-job-retention';
import { DraftJobsRepository } from './drafts/draft-jobs.repository';
import { DraftTicketUseCase } from './drafts/draft-ticket.use-case';
import { DraftsConsumer } from './drafts/drafts.consumer';
import { CitationMapper } from './grounding/citation-mapper';
import { GroundingChecker } from './grounding/grounding-checker';
import { LlmHealthController } from './health/llm-health.controller';
import { DismissedTopicsRepository } from './interactions/dismissed-topics.repository';
import { DismissedTopicsService } from './interactions/dismissed-topics.service';
import { GapClosuresRepository } from './interactions/gap-closures.repository';
import { InteractionLogRetention } from './interactions/interaction-log-retention';
import { InteractionLogService } from './interactions/interaction-log.service';
import { InteractionStatsRepository } from './interactions/interaction-stats.repository';
import { InteractionStatsService } from './interactions/interaction-stats.service';
import { InteractionsController } from './interactions/interactions.controller';
import { InteractionsRepository } from './interactions/interactions.repository';
import { InteractionsService } from './interactions/interactions.service';
import { KnowledgeGapsService } from './interactions/knowledge-gaps.service';
import { OfflineAnswerer } from './offline/offline-answerer';
import { OpenRouterAnswerer } from './openrouter/openrouter-answerer';
import { openRouterClientProvider } from './openrouter/openrouter-client.provider';
import { PromptBuilder } from './prompting/prompt-builder';
import { InjectionDetector } from './safety/injection-detector';
import { SecretRedactor } from './safety/secret-redactor';
import { BotSettingsController } from './settings/bot-settings.controller';
import { BotSettingsRepository } from './settings/bot-settings.repository';
import { BotSettingsService } from './settings/bot-settings.service';

@Module({})
export class LlmModule {
  static forRoot(config: LlmConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: LlmModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...llmDatabase,
          url: databaseUrl(config.common),
          applicationName: `llm@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
      ],
      controllers: [
        LlmHealthController,
        OpsController,
        AnswerController,
        BotSettingsController,
        InteractionsController,
        DraftsConsumer,
      ],
      providers: [
        { provide: LLM_CONFIG, useValue: config },
        openRouterClientProvider,
        SecretRedactor,
        InjectionDetector,
        PromptBuilder,
        CitationMapper,
        GroundingChecker,
        OfflineAnswerer,
        OpenRouterAnswerer,
        PassageRetriever,
        SearchQueryWriter,
        AnswerPipeline,
        AnswerCancellations,
        AnswerStreamService,
        InteractionsRepository,
        InteractionStatsRepository,
        InteractionStatsService,
        KnowledgeGapsService,
        GapClosuresRepository,
        DismissedTopicsRepository,
        DismissedTopicsService,
        InteractionLogService,
        InteractionsService,
        InteractionLogRetention,
        DraftJobRetention,
        BotSettingsRepository,
        BotSettingsService,
        DraftJobsRepository,
        DraftTicketUseCase,
      ],
    };
  }
}
