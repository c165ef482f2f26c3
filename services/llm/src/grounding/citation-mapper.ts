import { Injectable } from '@nestjs/common';

import type { AnswerPassage, Citation } from '@deskpilot/contracts';

import { citedNumbers } from './citation-markers';

/** Turns the `[n]` markers of an answer into citations of the passages they number. */
@Injectable()
export class CitationMapper {
  map(answer: string, passages: readonly AnswerPassage[]): Citation[] {
    const byIndex = new Map(passages.map((passage) => [passage.index, passage]));
    return citedNumbers(answer)
      .map((index) => byIndex.get(index))
      .filter((passage): passage is AnswerPassage => passage !== undefined)
      .sort((a, b) => a.index - b.index)
      .map((passage) => ({
        index: passage.index,
        chunkId: passage.chunkId,
        documentId: passage.documentId,
        documentTitle: passage.documentTitle,
        headingPath: passage.headingPath,
        excerpt: passage.text,
      }));
  }
}
