import { Inject, Injectable } from '@nestjs/common';

import type {
  AnswerPassage,
  BotSettingsValues,
  IndexLanguage,
  SearchLanguage,
  SpellingCorrection,
} from '@deskpilot/contracts';
import { PROMPT_RELEVANCE_CUT, SearchRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';

/** The retrieval contract bounds a query at 2,000 characters. */
const MAX_QUERY_CHARS = 2_000;

export interface RetrievedPassages {
  /** Numbered from 1, as the prompt gives them. */
  readonly passages: AnswerPassage[];
  /** Query words the search read as other words (misspellings); empty when none. */
  readonly corrections: SpellingCorrection[];
  /** The language the search read the query in, when it read its words. */
  readonly language: SearchLanguage | undefined;
  /** The languages the knowledge base is written in with their chunks, most chunks first. */
  readonly indexLanguages: readonly IndexLanguage[];
}

/**
 * Asks retrieval (any replica, over the bus) for the passages that go into the prompt: at most
 * the settings' number, fewer when the ranking is clear (`PROMPT_RELEVANCE_CUT`).
 */
@Injectable()
export class PassageRetriever {
  private readonly timeoutMs: number;

  constructor(
    private readonly bus: MessageBus,
    @Inject(LLM_CONFIG) config: LlmConfig,
  ) {
    this.timeoutMs = config.answering.searchTimeoutMs;
  }

  /** `documentIds` limits the search to those documents. */
  async retrieve(
    query: string,
    settings: BotSettingsValues,
    documentIds?: readonly string[],
  ): Promise<RetrievedPassages> {
    const response = await this.bus.request(
      SearchRpc.Search,
      {
        query: query.trim().slice(0, MAX_QUERY_CHARS),
        topK: settings.passages,
        denseWeight: settings.denseWeight,
        relevanceCut: PROMPT_RELEVANCE_CUT,
        ...(documentIds === undefined ? {} : { documentIds: [...documentIds] }),
      },
      { timeoutMs: this.timeoutMs },
    );
    const passages = response.hits.slice(0, settings.passages).map((hit, position) => ({
      index: position + 1,
      chunkId: hit.chunkId,
      documentId: hit.documentId,
      documentTitle: hit.documentTitle,
      documentVersion: hit.documentVersion,
      headingPath: hit.headingPath,
      text: hit.text,
      score: hit.score,
      denseScore: hit.denseScore,
      lexicalScore: hit.lexicalScore,
    }));
    return {
      passages,
      corrections: response.corrections ?? [],
      language: response.language,
      indexLanguages: response.indexLanguages ?? [],
    };
  }
}
