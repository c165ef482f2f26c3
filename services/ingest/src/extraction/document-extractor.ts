import { Injectable } from '@nestjs/common';

import type { Block } from '@deskpilot/text';
import { markdownToBlocks, plainTextToBlocks } from '@deskpilot/text';

import { docxToBlocks } from './docx-extractor';
import type { ExtractedDocument } from './extracted-document';
import { leadingTitle } from './extracted-document';
import { ExtractionErrorCode, ExtractionException } from './extraction.exception';
import type { DeclaredFile } from './file-type';
import { detectFileType } from './file-type';
import { htmlToBlocks } from './html-extractor';
import { pdfToBlocks } from './pdf-extractor';

export interface ExtractionLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most characters of text accepted from one file (guards against decompression bombs). */
  readonly maxChars: number;
}

/** Reads a document's structure from its bytes, after recognising its type by content. */
@Injectable()
export class DocumentExtractor {
  /** @throws ExtractionException when the file is empty, too large, unsupported, encrypted or corrupt. */
  async extract(
    bytes: Buffer,
    declared: DeclaredFile,
    limits: ExtractionLimits,
  ): Promise<ExtractedDocument> {
    assertSize(bytes.length, limits.maxBytes);
    const file = detectFileType(bytes, declared);
    let title: string | undefined;
    let blocks: Block[];
    switch (file.type) {
      case 'pdf':
        ({ title, blocks } = await pdfToBlocks(file.bytes));
        break;
      case 'docx':
        ({ blocks } = await docxToBlocks(file.bytes));
        break;
      case 'html':
        ({ title, blocks } = htmlToBlocks(file.text));
        break;
      case 'markdown':
        blocks = markdownToBlocks(file.text);
        break;
      case 'text':
        blocks = plainTextToBlocks(file.text);
        break;
    }
    const characters = blocks.reduce((sum, block) => sum + block.text.length, 0);
    if (characters > limits.maxChars) {
      throw new ExtractionException(
        ExtractionErrorCode.TooLarge,
        `The document holds ${characters.toLocaleString('en')} characters of text; the limit is ${limits.maxChars.toLocaleString('en')}.`,
      );
    }
    if (!blocks.some((block) => block.kind !== 'heading' && block.text.trim().length > 0)) {
      throw new ExtractionException(
        ExtractionErrorCode.NoText,
        file.type === 'pdf'
          ? 'The PDF has no text layer (a scan?). Upload a PDF with selectable text.'
          : 'The document contains no text.',
      );
    }
    return { type: file.type, title: title ?? leadingTitle(blocks), blocks };
  }
}

/** @throws ExtractionException when `size` exceeds `maxBytes`. */
export function assertSize(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new ExtractionException(
      ExtractionErrorCode.TooLarge,
      `The file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`,
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) {
    return `${(bytes / 1_048_576).toFixed(1)} MB`;
  }
  if (bytes >= 1_024) {
    return `${(bytes / 1_024).toFixed(1)} KB`;
  }
  return `${bytes} bytes`;
}
