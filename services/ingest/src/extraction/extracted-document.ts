import type { DocumentType } from '@deskpilot/contracts';
import type { Block } from '@deskpilot/text';

/** The structure of a document as read from its file. */
export interface ExtractedDocument {
  readonly type: DocumentType;
  /** The title the document gives itself (metadata, `<title>`, a leading top-level heading). */
  readonly title: string | undefined;
  readonly blocks: Block[];
}

/** The first heading, when the document opens with a top-level one. */
export function leadingTitle(blocks: readonly Block[]): string | undefined {
  const first = blocks[0];
  return first?.kind === 'heading' && first.level === 1 ? first.text : undefined;
}
