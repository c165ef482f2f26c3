import MarkdownIt, { type StateCore, type Token } from 'markdown-it';

/** The class a citation marker such as `[2]` carries in rendered Markdown. */
export const CITATION_CLASS = 'citation';

const CITATION = /\[(\d{1,3})\]/g;

/**
 * Markdown for text nobody on the team wrote: answers from a model and ticket text from customers.
 * Raw HTML is never parsed (it comes out as visible text), images are off (no tracking pixels or
 * remote loads from a ticket), links may only use the schemes markdown-it allows and open in a new
 * tab without access to this page.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
markdown.disable('image');

markdown.core.ruler.push('citations', (state: StateCore) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let insideLink = false;
    block.children = block.children.flatMap((token) => {
      if (token.type === 'link_open') insideLink = true;
      if (token.type === 'link_close') insideLink = false;
      if (token.type !== 'text' || insideLink) return [token];
      return splitCitations(state, token.content);
    });
  }
});

function splitCitations(state: StateCore, text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    if (match.index > last) tokens.push(textToken(state, text.slice(last, match.index)));
    const citation = new state.Token('citation', '', 0);
    citation.content = match[1] ?? '';
    tokens.push(citation);
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push(textToken(state, text.slice(last)));
  return tokens;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

markdown.renderer.rules['citation'] = (tokens, index) => {
  const n = tokens[index]?.content ?? '';
  return `<a class="${CITATION_CLASS}" role="button" tabindex="0" title="Show source ${n}">[${n}]</a>`;
};

const renderLinkOpen =
  markdown.renderer.rules['link_open'] ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

markdown.renderer.rules['link_open'] = (tokens, index, options, env, self) => {
  const token = tokens[index];
  token?.attrSet('target', '_blank');
  token?.attrSet('rel', 'noopener noreferrer nofollow');
  return renderLinkOpen(tokens, index, options, env, self);
};

/** Renders untrusted Markdown to HTML that holds no markup of the author's own. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** The number of the citation marker an element belongs to, if it is one. */
export function citationOf(element: Element | null): number | null {
  const marker = element?.closest(`.${CITATION_CLASS}`);
  const n = Number(marker?.textContent.replace(/\D/g, ''));
  return marker && Number.isInteger(n) && n > 0 ? n : null;
}
