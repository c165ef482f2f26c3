import { AnswerComposer } from '../answers/answer-composer';
import { CannedAnswerBook } from '../answers/canned-answer-book';
import {
  DEFAULT_GROUNDED_ANSWER_OPTIONS,
  GroundedAnswerGenerator,
} from '../answers/grounded-answer-generator';
import { DEFAULT_CHAT_MODEL, DEFAULT_MODELS } from '../catalog/default-models';
import { ModelCatalog } from '../catalog/model-catalog';
import { FaultPlan } from '../faults/fault-plan';
import { GenerationStore } from '../generations/generation-store';
import { RequestRecorder } from '../recording/request-recorder';
import { KeyLedger } from './key-ledger';
import { DEFAULT_API_KEY, DEFAULT_SETTINGS, DEFAULT_USER_ID } from './simulator-options';
import type { OpenRouterSimulatorOptions, SimulatorSettings } from './simulator-options';

/** Everything the request handlers share: configuration, faults, answers and what was recorded. */
export class SimulatorState {
  readonly catalog: ModelCatalog;
  readonly apiKeys: readonly string[];
  readonly userId: string;
  readonly defaultModel: string;
  readonly faults: FaultPlan;
  readonly canned = new CannedAnswerBook();
  readonly recorder: RequestRecorder;
  readonly generations = new GenerationStore();
  readonly ledger = new KeyLedger();
  readonly composer: AnswerComposer;
  private readonly initialSettings: SimulatorSettings;
  private current: SimulatorSettings;

  constructor(private readonly options: OpenRouterSimulatorOptions = {}) {
    this.catalog = new ModelCatalog(options.models ?? DEFAULT_MODELS);
    this.apiKeys =
      options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : [DEFAULT_API_KEY];
    this.userId = options.userId ?? DEFAULT_USER_ID;
    this.defaultModel = options.defaultModel ?? DEFAULT_CHAT_MODEL;
    this.faults = new FaultPlan(options.random);
    this.recorder = new RequestRecorder(options.maxRecordedRequests);
    this.composer = new AnswerComposer(
      this.canned,
      new GroundedAnswerGenerator({
        ...DEFAULT_GROUNDED_ANSWER_OPTIONS,
        ...options.groundedAnswer,
      }),
    );
    this.initialSettings = {
      tokenDelayMs: options.tokenDelayMs ?? DEFAULT_SETTINGS.tokenDelayMs,
      firstTokenDelayMs: options.firstTokenDelayMs ?? DEFAULT_SETTINGS.firstTokenDelayMs,
      processingComments: options.processingComments ?? DEFAULT_SETTINGS.processingComments,
      generationStatsDelayMs:
        options.generationStatsDelayMs ?? DEFAULT_SETTINGS.generationStatsDelayMs,
      answerMode: options.answerMode ?? DEFAULT_SETTINGS.answerMode,
      creditLimit: options.creditLimit ?? DEFAULT_SETTINGS.creditLimit,
      base64Embeddings: options.base64Embeddings ?? DEFAULT_SETTINGS.base64Embeddings,
    };
    this.current = this.initialSettings;
    this.canned.setDefault(options.cannedAnswer);
  }

  get settings(): SimulatorSettings {
    return this.current;
  }

  updateSettings(patch: Partial<SimulatorSettings>): SimulatorSettings {
    const defined = Object.entries(patch as Record<string, unknown>).filter(
      ([, value]) => value !== undefined,
    );
    this.current = {
      ...this.current,
      ...(Object.fromEntries(defined) as Partial<SimulatorSettings>),
    };
    return this.current;
  }

  /** Back to the state right after start: no faults, canned rules, records or spending. */
  reset(): void {
    this.faults.clear();
    this.canned.clear();
    this.canned.setDefault(this.options.cannedAnswer);
    this.recorder.clear();
    this.generations.clear();
    this.ledger.clear();
    this.current = this.initialSettings;
  }
}
