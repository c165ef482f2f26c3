import { decode } from 'html-entities';

export interface FoundLink {
  readonly url: string;
  readonly text: string;
}

/* Files that are not documents: a page's styles, scripts, images, fonts, media and archives. */
const NOT_DOCUMENTS =
  /\.(?:css|js|mjs|json|png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp[34]|webm|avi|mov|zip|gz|tgz|rar|7z|exe|dmg|iso)$/iu;
const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/giu;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/iu;
const SITEMAP_MARK = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:urlset|sitemapindex)\b/u;
const LOC_IN = (element: string): RegExp =>
  new RegExp(`<${element}\\b[^>]*>[\\s\\S]*?<loc>\\s*([^<]+?)\\s*</loc>`, 'giu');
const MAX_TEXT = 200;

/** Whether a fetched body is an XML sitemap (`urlset`) or sitemap index (`sitemapindex`). */
export function isSitemap(body: string): boolean {
  return SITEMAP_MARK.test(body.slice(0, 2_000));
}

/**
 * The pages of the same site that an HTML page links to, in the page's order, each once and
 * without its `#fragment`, leaving out the page itself, other sites, and files that are not
 * documents (images, scripts, archives). A link's text is its words, tags and entities removed.
 */
export function linksOfPage(html: string, page: URL): FoundLink[] {
  const links = new Map<string, string>();
  for (const [, attributes = '', inner = ''] of html.matchAll(ANCHOR)) {
    const href = HREF.exec(attributes);
    const target =
      href === null ? undefined : sameSiteDocument(href[1] ?? href[2] ?? href[3] ?? '', page);
    if (target === undefined) {
      continue;
    }
    const text = textOf(inner);
    if (!links.has(target) || (links.get(target) === '' && text !== '')) {
      links.set(target, text);
    }
  }
  return [...links].map(([url, text]) => ({ url, text }));
}

/** A sitemap's page addresses and, for a sitemap index, its sitemaps' addresses. */
export function sitemapEntries(xml: string): { pages: string[]; sitemaps: string[] } {
  const locations = (element: string): string[] =>
    [...xml.matchAll(LOC_IN(element))]
      .map(([, loc = '']) => decode(loc).trim())
      .filter((loc) => /^https?:\/\//iu.test(loc));
  return { pages: locations('url'), sitemaps: locations('sitemap') };
}

/** A sitemap entry as the administrator reads it: its path and query. */
export function entryText(address: string): string {
  const url = new URL(address);
  let path = `${url.pathname}${url.search}`;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Left as written when it is not valid percent-encoding.
  }
  return path.slice(0, MAX_TEXT);
}

function sameSiteDocument(href: string, page: URL): string | undefined {
  let target: URL;
  try {
    target = new URL(decode(href).trim(), page);
  } catch {
    return undefined;
  }
  if (
    (target.protocol !== 'http:' && target.protocol !== 'https:') ||
    target.origin !== page.origin ||
    NOT_DOCUMENTS.test(target.pathname)
  ) {
    return undefined;
  }
  target.hash = '';
  const here = new URL(page);
  here.hash = '';
  return target.href === here.href ? undefined : target.href;
}

function textOf(markup: string): string {
  return decode(markup.replace(/<[^>]*>/gu, ' '))
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}
