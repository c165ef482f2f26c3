import mammoth from 'mammoth';

import type { Block } from '@deskpilot/text';

import { ExtractionErrorCode, ExtractionException } from './extraction.exception';
import { htmlToBlocks } from './html-extractor';

/** A Word document through mammoth's HTML (heading styles become headings), then as HTML. */
export async function docxToBlocks(bytes: Buffer): Promise<{ blocks: Block[] }> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new ExtractionException(
      ExtractionErrorCode.Corrupt,
      `The Word document could not be read (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  return { blocks: htmlToBlocks(html).blocks };
}
