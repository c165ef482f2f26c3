/*
 * Parts of a web page that change from one request to the next without the page changing: a
 * form's token in an input's value (WHMCS puts one in every form), scripts with session values,
 * styles and links with cache-busting addresses, meta tags (CSRF tokens) and comments (render
 * times).
 */
const VOLATILE = [
  /<script\b[\s\S]*?<\/script\s*>/giu,
  /<style\b[\s\S]*?<\/style\s*>/giu,
  /<!--[\s\S]*?-->/gu,
  /<(?:meta|input|link)\b[^>]*>/giu,
];

/**
 * Whether a page fetched again says what the stored one says: the same bytes, or for HTML the
 * same markup once the parts that change with every request are left out.
 */
export function sameWebContent(stored: Buffer, fetched: Buffer): boolean {
  if (stored.equals(fetched)) {
    return true;
  }
  const html = (buffer: Buffer): string | undefined => {
    const text = buffer.toString('utf8');
    return /<html[\s>]|<body[\s>]|<!doctype html/iu.test(text.slice(0, 4_096)) ? text : undefined;
  };
  const before = html(stored);
  const after = html(fetched);
  return before !== undefined && after !== undefined && settled(before) === settled(after);
}

function settled(html: string): string {
  return VOLATILE.reduce((text, part) => text.replace(part, ''), html)
    .replace(/\s+/gu, ' ')
    .trim();
}
