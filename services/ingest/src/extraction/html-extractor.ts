import { decode } from 'html-entities';
import { convert } from 'html-to-text';
import type { FormatCallback } from 'html-to-text';

import type { Block } from '@deskpilot/text';
import { plainTextToBlocks } from '@deskpilot/text';

/* Private-use characters that cannot occur in converted text mark heading lines. */
const HEADING_MARK = '\uE000';
const HEADING_END = '\uE001';
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/iu;

const headingFormatter: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(`${HEADING_MARK}${String(options['level'] ?? 1)}${HEADING_END}`);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const OPTIONS = {
  wordwrap: false as const,
  formatters: { deskpilotHeading: headingFormatter },
  selectors: [
    ...[1, 2, 3, 4, 5, 6].map((level) => ({
      selector: `h${level}`,
      format: 'deskpilotHeading',
      options: { level },
    })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'nav', format: 'skip' },
    { selector: 'footer', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
};

/**
 * HTML to blocks with html-to-text (scripts, styles and navigation dropped, entities decoded,
 * tables kept as rows): headings keep their level, the text between them becomes paragraphs and
 * lists.
 */
export function htmlToBlocks(html: string): { title: string | undefined; blocks: Block[] } {
  const text = convert(html, OPTIONS);
  const blocks: Block[] = [];
  let body: string[] = [];
  const flush = (): void => {
    blocks.push(...plainTextToBlocks(body.join('\n')).map(noHeadingGuess));
    body = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith(HEADING_MARK)) {
      flush();
      const end = line.indexOf(HEADING_END);
      const heading = line.slice(end + 1).trim();
      if (heading.length > 0) {
        blocks.push({ kind: 'heading', level: Number(line.slice(1, end)), text: heading });
      }
    } else {
      body.push(line);
    }
  }
  flush();
  const title = TITLE.exec(html)?.[1];
  const cleanTitle = title === undefined ? '' : decode(title).replace(/\s+/gu, ' ').trim();
  return { title: cleanTitle.length > 0 ? cleanTitle : undefined, blocks };
}

// HTML marks its headings; short lines between them are text, not guessed headings.
function noHeadingGuess(block: Block): Block {
  return block.kind === 'heading' ? { kind: 'paragraph', text: block.text } : block;
}
