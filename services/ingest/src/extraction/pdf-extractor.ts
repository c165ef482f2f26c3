import { PDFParse } from 'pdf-parse';

import type { Block } from '@deskpilot/text';
import { plainTextToBlocks } from '@deskpilot/text';

import { ExtractionErrorCode, ExtractionException } from './extraction.exception';

/** The text of every page of a PDF with pdf-parse, and the title from its metadata. */
export async function pdfToBlocks(
  bytes: Buffer,
): Promise<{ title: string | undefined; blocks: Block[] }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const info = await parser.getInfo();
    const result = await parser.getText({ pageJoiner: '' });
    const pages = result.pages.map((page) => page.text.trim()).filter((text) => text.length > 0);
    const metadataTitle = (info.info as { Title?: unknown } | undefined)?.Title;
    const title = typeof metadataTitle === 'string' ? metadataTitle.trim() : '';
    return {
      title: title.length > 0 ? title : undefined,
      blocks: pages.flatMap((page) => plainTextToBlocks(page)),
    };
  } catch (error) {
    throw pdfError(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown): ExtractionException {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new ExtractionException(
      ExtractionErrorCode.Encrypted,
      'The PDF is password-protected. Remove the password and upload it again.',
      { cause: error },
    );
  }
  return new ExtractionException(
    ExtractionErrorCode.Corrupt,
    `The PDF could not be read (${error instanceof Error ? error.message : String(error)}).`,
    { cause: error },
  );
}
