import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { LlmConfig } from './config/llm.config';
import { loadLlmConfig } from './config/llm.config';
import { LlmModule } from './llm.module';

export { llmDatabase } from './database/llm-database';
export { GroundingChecker, questionTopic } from './grounding/grounding-checker';
export { OfflineAnswerer } from './offline/offline-answerer';

export const llmService: ServiceDefinition<LlmConfig> = {
  service: 'llm',
  loadConfig: loadLlmConfig,
  module: (config, runtime) => LlmModule.forRoot(config, runtime),
  http: (config, { standalone }) =>
    standalone ? { port: config.port, host: '0.0.0.0' } : undefined,
  // An answer or a draft spends nearly all its time waiting for the model, so one replica keeps
  // many in flight; 16 would queue the 17th chat of a busy team behind the others' answers.
  defaultPrefetch: 64,
};

/** Starts the llm worker: prompts, OpenRouter calls and streamed answers. */
export function startLlm(context: ServiceContext): Promise<RunningService> {
  return startService(llmService, context);
}
