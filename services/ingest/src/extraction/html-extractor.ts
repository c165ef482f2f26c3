import { decode } from 'html-entities';
import { convert } from 'html-to-text';
import type { FormatCallback } from 'html-to-text';

import type { Block } from '@deskpilot/text';
import { plainTextToBlocks } from '@deskpilot/text';

/* Private-use characters that cannot occur in converted text mark heading lines. */
const HEADING_MARK = '\uE000';
const HEADING_END = '\uE001';
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/iu;
const FIRST_H1 = /<h1[^>]*>([\s\S]*?)<\/h1>/iu;
/*
 * Where a web page keeps its content, in order of preference; the page's header, menus,
 * sidebars and footer are outside. Without any of them the whole body is read.
 */
const CONTENT_ROOTS: readonly (readonly [string, RegExp])[] = [
  ['main', /<main[\s>]/iu],
  ['[role=main]', /<[a-z][^>]*\brole\s*=\s*["']?main\b/iu],
  ['article', /<article[\s>]/iu],
];
/*
 * A page without a content root is read whole, less what surrounds content on web pages: the
 * site's header, sidebars (as in WHMCS's client area theme) and complementary boxes.
 */
const AROUND_CONTENT = ['header', 'aside', '.sidebar', '[role=banner]', '[role=complementary]'].map(
  (selector) => ({ selector, format: 'skip' }),
);
/* Between a page's own title and the site's name in `<title>`: "DNS records | Example Host". */
const SITE_SEPARATOR = /^(?:\s*[|·–—]|\s+-\s)/u;

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
    { selector: '[role=navigation]', format: 'skip' },
    { selector: '[role=contentinfo]', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
};

/**
 * HTML to blocks with html-to-text (scripts, styles and navigation dropped, entities decoded,
 * tables kept as rows): headings keep their level, the text between them becomes paragraphs and
 * lists. A page with a `main` element (or `role="main"`, or else `article` elements) is read
 * from there only, as a web page's menus and sidebars are around it; another is read without
 * its header and sidebars.
 */
export function htmlToBlocks(html: string): { title: string | undefined; blocks: Block[] } {
  const root = CONTENT_ROOTS.find(([, present]) => present.test(html))?.[0];
  const text = convert(
    html,
    root === undefined
      ? { ...OPTIONS, selectors: [...OPTIONS.selectors, ...AROUND_CONTENT] }
      : { ...OPTIONS, baseElements: { selectors: [root] } },
  );
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
  return { title: titleOf(html), blocks };
}

/**
 * The `<title>`, or the first `<h1>` when the title is that heading followed by the site's
 * name ("Pointing a domain - Knowledgebase - Example Host") or when there is no title.
 */
function titleOf(html: string): string | undefined {
  const title = textOf(TITLE.exec(html)?.[1]);
  const heading = textOf(FIRST_H1.exec(html)?.[1]);
  const headingWithSite =
    heading.length > 0 &&
    title.toLowerCase().startsWith(heading.toLowerCase()) &&
    SITE_SEPARATOR.test(title.slice(heading.length));
  const chosen = headingWithSite || title.length === 0 ? heading : title;
  return chosen.length > 0 ? chosen : undefined;
}

function textOf(markup: string | undefined): string {
  return markup === undefined
    ? ''
    : decode(markup.replace(/<[^>]*>/gu, ' '))
        .replace(/\s+/gu, ' ')
        .trim();
}

// HTML marks its headings; short lines between them are text, not guessed headings.
function noHeadingGuess(block: Block): Block {
  return block.kind === 'heading' ? { kind: 'paragraph', text: block.text } : block;
}
