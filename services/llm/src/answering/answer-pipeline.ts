import { Inject, Injectable } from '@nestjs/common';

import type {
  AnswerFailure,
  AnswerFinalChunk,
  AnswerFlags,
  AnswerPassage,
  AnswerUsage,
  ConversationTurn,
  PromptMessage,
} from '@deskpilot/contracts';
import { searchTranslationTarget } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { CitationMapper } from '../grounding/citation-mapper';
import { GroundingChecker, questionTopic } from '../grounding/grounding-checker';
import { InteractionLogService } from '../interactions/interaction-log.service';
import { OFFLINE_MODEL, OfflineAnswerer } from '../offline/offline-answerer';
import type { GenerationResult } from '../openrouter/generation';
import { OpenRouterAnswerer } from '../openrouter/openrouter-answerer';
import { PromptBuilder } from '../prompting/prompt-builder';
import { InjectionDetector } from '../safety/injection-detector';
import { SecretRedactor } from '../safety/secret-redactor';
import type { AnswerEmitter, AnswerJob } from './answer-job';
import { redactJob, untrustedTexts } from './job-redaction';
import type { RedactedInputs } from './job-redaction';
import { fusePassages } from './passage-fusion';
import { PassageRetriever } from './passage-retriever';
import type { RetrievedPassages } from './passage-retriever';
import { SearchQueryWriter } from './search-query-writer';
import type { SearchTranslation, WrittenQuery } from './search-query-writer';

/**
 * The prompt's passages; the follow-up's rewrite, if the model was asked for one (`changed` when
 * it differs from the question and was searched for instead); and the translation of the
 * question that found them, if one did (`withQuestion` when the question as asked found some of
 * them too).
 */
interface FoundPassages extends RetrievedPassages {
  readonly rewrite?: WrittenQuery & { readonly changed: boolean };
  readonly translation?: SearchTranslation & { readonly withQuestion: boolean };
}

interface Prepared {
  readonly job: AnswerJob;
  readonly redacted: RedactedInputs;
  readonly injection: { readonly suspected: boolean; readonly signals: readonly string[] };
  readonly offline: boolean;
  readonly startedAt: number;
}

/**
 * The one answer pipeline behind chat, the playground and ticket drafts: redact and inspect the
 * untrusted input, search the knowledge base, build the prompt with numbered passages, stream
 * the model's answer (or the offline extract), map citations, check grounding, log it all.
 */
@Injectable()
export class AnswerPipeline {
  constructor(
    private readonly redactor: SecretRedactor,
    private readonly injection: InjectionDetector,
    private readonly retriever: PassageRetriever,
    private readonly queries: SearchQueryWriter,
    private readonly prompts: PromptBuilder,
    private readonly openRouter: OpenRouterAnswerer,
    private readonly offlineAnswerer: OfflineAnswerer,
    private readonly citations: CitationMapper,
    private readonly grounding: GroundingChecker,
    private readonly log: InteractionLogService,
    @Inject(LLM_CONFIG) private readonly config: LlmConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(job: AnswerJob, emit: AnswerEmitter): Promise<AnswerFinalChunk> {
    const prepared: Prepared = {
      job,
      redacted: redactJob(this.redactor, job),
      injection: this.injection.inspect(untrustedTexts(job)),
      offline: !this.openRouter.available,
      startedAt: performance.now(),
    };
    const [retrieved] = await Promise.all([
      this.findPassages(prepared).catch((error: unknown) => {
        this.logger.warn({ err: String(error), interactionId: job.interactionId }, 'Search failed');
        return undefined;
      }),
      this.log.open({
        job,
        question: prepared.redacted.question,
        ticketSubject: prepared.redacted.ticket?.subject ?? null,
        offline: prepared.offline,
      }),
    ]);
    const passages = retrieved?.passages;
    const corrections = retrieved?.corrections ?? [];
    const prompt =
      passages === undefined
        ? []
        : this.prompts.build({
            systemPrompt: job.settings.values.systemPrompt,
            passages,
            question: prepared.redacted.question,
            history: prepared.redacted.history,
            ticket: prepared.redacted.ticket,
            historyTokenBudget: this.config.answering.historyTokenBudget,
          });
    emit({
      type: 'started',
      interactionId: job.interactionId,
      settingsVersion: job.settings.version,
      model: prepared.offline ? OFFLINE_MODEL : job.settings.values.model,
      offline: prepared.offline,
      ...(job.inspect ? { passages: passages ?? [], prompt } : {}),
      ...(corrections.length > 0 ? { searchCorrections: corrections } : {}),
    });
    let firstTokenMs: number | null = null;
    const onToken = (text: string): void => {
      firstTokenMs ??= performance.now() - prepared.startedAt;
      emit({ type: 'token', text });
    };
    const generation =
      passages === undefined
        ? retrievalFailed(job.settings.values.model)
        : await this.generate(prepared, passages, prompt, onToken);
    return this.finish(
      prepared,
      retrieved ?? { passages: [], corrections: [], language: undefined, indexLanguages: [] },
      prompt,
      generation,
      firstTokenMs,
      emit,
    );
  }

  /**
   * The passages the question finds. When a model is there to write queries and the settings
   * allow, a follow-up in a chat is searched for as the model rewrote it to stand on its own;
   * a question in a language no document is written in, for its translation into the knowledge
   * base's main language instead; and one in a knowledge base written in its language and
   * another, also for its translation into the other, the two merged (see
   * `searchTranslationTarget`).
   */
  private async findPassages(prepared: Prepared): Promise<FoundPassages> {
    const { job, redacted } = prepared;
    const { values } = job.settings;
    const writing = { settings: values, user: job.userId ?? undefined, signal: job.signal };
    const search = (query: string) => this.retriever.retrieve(query, values, job.searchDocumentIds);
    const rewrite =
      prepared.offline || !values.rewriteFollowUps || !isFollowUp(redacted.history)
        ? undefined
        : await this.queries.standalone(redacted.searchQuery, redacted.history, writing);
    const rewritten = rewrite !== undefined && rewrite.query !== redacted.searchQuery.trim();
    const query = rewritten ? rewrite.query : redacted.searchQuery;
    const asked = rewrite === undefined ? {} : { rewrite: { ...rewrite, changed: rewritten } };
    const found: FoundPassages = { ...(await search(query)), ...asked };
    const target =
      prepared.offline || !values.translateQuestions
        ? undefined
        : searchTranslationTarget(found.language, found.indexLanguages);
    if (target === undefined) {
      return found;
    }
    const translation = await this.queries.translate(query, target.language, writing);
    if (translation === undefined) {
      return found;
    }
    const translated = await search(translation.query);
    const withQuestion = { ...translation, withQuestion: target.withQuestion };
    return target.withQuestion
      ? {
          ...found,
          passages: fusePassages([found.passages, translated.passages], values.passages),
          translation: withQuestion,
        }
      : { ...translated, ...asked, translation: withQuestion };
  }

  private generate(
    prepared: Prepared,
    passages: readonly AnswerPassage[],
    prompt: readonly PromptMessage[],
    onToken: (text: string) => void,
  ): Promise<GenerationResult> {
    const { job } = prepared;
    if (prepared.offline) {
      return Promise.resolve(this.answerOffline(prepared, passages, onToken));
    }
    const { values } = job.settings;
    return this.openRouter.generate(
      {
        messages: prompt,
        model: values.model,
        fallbackModels: values.fallbackModels,
        temperature: values.temperature,
        maxTokens: values.maxTokens,
        user: job.userId ?? undefined,
      },
      job.signal,
      onToken,
    );
  }

  private answerOffline(
    { job, redacted }: Prepared,
    passages: readonly AnswerPassage[],
    onToken: (text: string) => void,
  ): GenerationResult {
    const text = this.offlineAnswerer.answer({
      question: redacted.question,
      passages,
      ...(job.ticket
        ? {
            customerName: job.ticket.customer.name,
            accountLanguage: job.ticket.customer.language,
          }
        : {}),
    });
    const tokens = text.match(/\s*\S+/g) ?? [];
    let sent = '';
    for (const token of tokens) {
      if (job.signal.aborted) {
        break;
      }
      sent += token;
      onToken(token);
    }
    const cancelled = sent !== tokens.join('');
    return {
      outcome: cancelled ? 'cancelled' : 'ok',
      text: sent,
      failure: undefined,
      usage: null,
      model: OFFLINE_MODEL,
      generationId: null,
      truncated: false,
      attempts: 0,
    };
  }

  private async finish(
    prepared: Prepared,
    { passages, corrections, rewrite, translation }: FoundPassages,
    prompt: readonly PromptMessage[],
    generation: GenerationResult,
    firstTokenMs: number | null,
    emit: AnswerEmitter,
  ): Promise<AnswerFinalChunk> {
    const { job, redacted, injection } = prepared;
    const citations = this.citations.map(generation.text, passages);
    const grounding = this.grounding.check(
      generation.text,
      passages,
      questionTopic(
        rewrite?.changed === true ? rewrite.query : redacted.question,
        redacted.ticket?.subject,
        corrections,
      ),
    );
    const flags: AnswerFlags = {
      injectionSuspected: injection.suspected,
      injectionSignals: [...injection.signals],
      redactions: [...redacted.kinds],
      unsupportedSentences: [...grounding.unsupported],
      ...(grounding.crossLanguage === null ? {} : { crossLanguage: grounding.crossLanguage }),
      ...(rewrite?.changed === true ? { searchRewrite: { query: rewrite.query } } : {}),
      ...(translation === undefined
        ? {}
        : {
            searchTranslation: {
              language: translation.language,
              query: translation.query,
              withQuestion: translation.withQuestion,
            },
          }),
      truncated: generation.truncated,
      ...(corrections.length > 0 ? { searchCorrections: corrections } : {}),
      ...(grounding.coverage === null ? {} : { topicCoverage: grounding.coverage }),
      ...(grounding.lead === null || grounding.bestLeftOut === null
        ? {}
        : {
            bestLeftOut: {
              documentId: grounding.bestLeftOut.documentId,
              documentTitle: grounding.bestLeftOut.documentTitle,
              lead: grounding.lead,
              passage: {
                chunkId: grounding.bestLeftOut.chunkId,
                headingPath: grounding.bestLeftOut.headingPath,
                text: grounding.bestLeftOut.text,
              },
            },
          }),
    };
    const final: AnswerFinalChunk = {
      type: 'final',
      interactionId: job.interactionId,
      outcome: generation.outcome,
      ...(generation.failure ? { failure: generation.failure } : {}),
      text: generation.text,
      confidence: generation.outcome === 'ok' ? grounding.confidence : 0,
      flags,
      usage: [rewrite?.usage, translation?.usage].reduce(addUsage, generation.usage),
      model: generation.model,
      settingsVersion: job.settings.version,
      offline: prepared.offline,
      firstTokenMs,
      totalMs: performance.now() - prepared.startedAt,
    };
    emit({ type: 'citations', citations });
    await this.log.finish(job.interactionId, {
      final,
      passages,
      prompt,
      citations,
      generationId: generation.generationId,
      attempts: generation.attempts,
      asked: {
        kind: job.kind,
        question: prepared.redacted.question,
        ticketSubject: prepared.redacted.ticket?.subject ?? null,
      },
    });
    this.logger.info(
      {
        interactionId: job.interactionId,
        kind: job.kind,
        outcome: final.outcome,
        reason: final.failure?.reason,
        model: final.model,
        firstTokenMs,
        totalMs: Math.round(final.totalMs),
      },
      'Answer finished',
    );
    emit(final);
    return final;
  }
}

/** Follows up on others in its conversation: some question was asked before it. */
function isFollowUp(history: readonly ConversationTurn[]): boolean {
  return history.some((turn) => turn.role === 'user');
}

/** What the answer and a search query the model wrote for it cost together. */
function addUsage(
  answer: AnswerUsage | null,
  query: AnswerUsage | null | undefined,
): AnswerUsage | null {
  if (answer === null || query === null || query === undefined) {
    return answer ?? query ?? null;
  }
  return {
    promptTokens: answer.promptTokens + query.promptTokens,
    completionTokens: answer.completionTokens + query.completionTokens,
    totalTokens: answer.totalTokens + query.totalTokens,
    costUsd:
      answer.costUsd === null && query.costUsd === null
        ? null
        : (answer.costUsd ?? 0) + (query.costUsd ?? 0),
  };
}

function retrievalFailed(model: string): GenerationResult {
  const failure: AnswerFailure = {
    reason: 'retrieval_unavailable',
    message: 'The knowledge base search is unavailable',
    retryable: true,
  };
  return {
    outcome: 'failed',
    text: '',
    failure,
    usage: null,
    model,
    generationId: null,
    truncated: false,
    attempts: 0,
  };
}
