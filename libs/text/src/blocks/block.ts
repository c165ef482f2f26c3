/** A heading with its level (1 = top). */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: number;
  readonly text: string;
}

/** A body block; list items are one per line, table rows one per line with ` | ` between cells. */
export interface BodyBlock {
  readonly kind: 'paragraph' | 'list' | 'code' | 'table' | 'quote';
  readonly text: string;
}

/** A structural unit of a document, the common output of every document extractor. */
export type Block = HeadingBlock | BodyBlock;
