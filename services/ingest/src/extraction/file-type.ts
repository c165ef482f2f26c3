import type { DocumentType } from '@deskpilot/contracts';

import { ExtractionErrorCode, ExtractionException } from './extraction.exception';
import { decodeText, hasUtf16Bom, startsWith } from './text-decoding';

/** A file whose type was recognised from its content. */
export type DetectedFile =
  | { readonly type: 'pdf' | 'docx'; readonly bytes: Buffer }
  | { readonly type: 'html' | 'markdown' | 'text'; readonly text: string };

/** What the uploader said the file is; used only to tell Markdown from plain text. */
export interface DeclaredFile {
  readonly contentType: string;
  readonly filename: string;
}

const SNIFF_BYTES = 8_192;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const BINARY_SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
  { bytes: [0x4d, 0x5a], name: 'an executable' },
];

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/iu;
const HTML_TAGS = /<(?:p|div|h[1-6]|ul|ol|li|table|br|span|a\s[^>]*href)[\s>/]/giu;
const MARKDOWN_SYNTAX =
  /^(?:#{1,6}\s+\S|```|~~~|\s{0,3}[-*+]\s+\S.*\n\s{0,3}[-*+]\s+\S|.+\n(?:=+|-+)\s*$)|\[[^\]\n]+\]\([^)\s]+\)/mu;

/**
 * Recognises PDF, DOCX, HTML, Markdown and plain text from the bytes, whatever the file is
 * called. The declared type only decides between Markdown and plain text when the content
 * shows no Markdown syntax.
 * @throws ExtractionException for empty, encrypted Office, and unsupported (binary) files.
 */
export function detectFileType(bytes: Buffer, declared: DeclaredFile): DetectedFile {
  if (bytes.length === 0) {
    throw new ExtractionException(ExtractionErrorCode.Empty, 'The file is empty.');
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 1_024)).toString('latin1');
  if (head.includes('%PDF-')) {
    return { type: 'pdf', bytes };
  }
  if (startsWith(bytes, ZIP)) {
    if (bytes.includes('word/document.xml')) {
      return { type: 'docx', bytes };
    }
    throw new ExtractionException(
      ExtractionErrorCode.Unsupported,
      'The file is a ZIP archive, not a Word document. Supported: PDF, DOCX, HTML, Markdown, text.',
    );
  }
  if (startsWith(bytes, OLE)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ExtractionException(
        ExtractionErrorCode.Encrypted,
        'The document is password-protected. Remove the password and upload it again.',
      );
    }
    throw new ExtractionException(
      ExtractionErrorCode.Unsupported,
      'The file is in a legacy Office format (.doc). Save it as DOCX or PDF and upload it again.',
    );
  }
  const binary = BINARY_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  const sniff = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  if (binary !== undefined || (!hasUtf16Bom(bytes) && sniff.includes(0))) {
    throw new ExtractionException(
      ExtractionErrorCode.Unsupported,
      `The file is ${binary?.name ?? 'binary data'}, not a document. Supported: PDF, DOCX, HTML, Markdown, text.`,
    );
  }
  const text = decodeText(bytes);
  if (text.trim().length === 0) {
    throw new ExtractionException(ExtractionErrorCode.Empty, 'The file contains only whitespace.');
  }
  return { type: textType(text, declared), text };
}

function textType(
  text: string,
  declared: DeclaredFile,
): Extract<DocumentType, 'html' | 'markdown' | 'text'> {
  const start = text.slice(0, SNIFF_BYTES);
  // A fragment with a few tags is HTML; one declared as HTML (a web page) needs only one tag.
  const tags = start.match(HTML_TAGS)?.length ?? 0;
  if (HTML_START.test(start) || tags >= 3 || (tags >= 1 && declaresHtml(declared))) {
    return 'html';
  }
  if (MARKDOWN_SYNTAX.test(start) || declaresMarkdown(declared)) {
    return 'markdown';
  }
  return 'text';
}

function declaresHtml(declared: DeclaredFile): boolean {
  return /html/iu.test(declared.contentType) || /\.(?:html?|xhtml)$/iu.test(declared.filename);
}

function declaresMarkdown(declared: DeclaredFile): boolean {
  return (
    /markdown/iu.test(declared.contentType) ||
    /\.(?:md|markdown|mdown|mkd)$/iu.test(declared.filename)
  );
}
