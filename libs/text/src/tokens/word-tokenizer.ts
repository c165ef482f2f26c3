/*
 * A token is a run of letters, marks and digits, optionally joined by single `.`, `_` or
 * apostrophes. Keeping the joiners makes versions, host names, file names and config keys
 * (`php8.1`, `example.com`, `wp-config.php` → `wp` + `config.php`, `max_execution_time`) one
 * precise token instead of fragments such as `8` and `1` that would match every number. A
 * leading dot is not a joiner, so `.htaccess` becomes `htaccess`; camel case is only lowercased,
 * so `cPanel` becomes `cpanel` and `IPv6` becomes `ipv6`.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[._'’][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
const APOSTROPHE = /['’]/gu;

/**
 * Splits text into lowercase word tokens for search, in document order.
 * Apostrophes are dropped (`customer's` → `customer`, `don't` → `dont`).
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const token = match[0].replace(POSSESSIVE, '').replace(APOSTROPHE, '');
    if (token.length > 0) {
      tokens.push(token);
    }
  }
  return tokens;
}
