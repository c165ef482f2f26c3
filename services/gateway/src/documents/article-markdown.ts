/** A title on one line, as a Markdown heading carries it. */
function oneLine(title: string): string {
  return title.replace(/\s+/gu, ' ').trim();
}

/** An article as its Markdown document: the title as the top heading, then the text. */
export function articleMarkdown(title: string, text: string): string {
  return `# ${oneLine(title)}\n\n${text.trim()}\n`;
}

/**
 * The text of an article's Markdown without the top heading that repeats its title, so that
 * the editor shows the title once, in its own field. Other documents come back whole.
 */
export function articleText(markdown: string, title: string): string {
  const text = markdown.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const heading = /^\s*#[ \t]+([^\n]*?)[ \t#]*(?:\n|$)/u.exec(text);
  if (heading !== null && oneLine(heading[1] ?? '') === oneLine(title)) {
    return text.slice(heading[0].length).trim();
  }
  return text.trim();
}

/** A file name for an article: its title's words, lowercase, joined by hyphens. */
export function articleFilename(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
    .replace(/-+$/u, '');
  return `${slug === '' ? 'article' : slug}.md`;
}
