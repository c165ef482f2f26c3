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
const ELISION = /^(\p{L}+)['’]\p{L}/u;
/* French and Italian articles, pronouns and prepositions written elided before a vowel. */
const ELIDED_WORDS = new Set(
  'all c d dall dell j jusqu l lorsqu m n nell puisqu qu quell quest quoiqu s sull t'.split(' '),
);

/**
 * Splits text into lowercase word tokens for search, in document order.
 * Apostrophes are dropped (`customer's` → `customer`, `don't` → `dont`), except that a French or
 * Italian elided word is a token of its own (`l'adresse` → `l` + `adresse`), as PostgreSQL's
 * parser reads it.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const token = withoutElisions(match[0], tokens).replace(POSSESSIVE, '').replace(APOSTROPHE, '');
    if (token.length > 0) {
      tokens.push(token);
    }
  }
  return tokens;
}

/** Adds the elided words that `word` opens with to `tokens` and returns the rest of it. */
function withoutElisions(word: string, tokens: string[]): string {
  const elided = ELISION.exec(word)?.[1];
  if (elided === undefined || !ELIDED_WORDS.has(elided)) {
    return word;
  }
  tokens.push(elided);
  return withoutElisions(word.slice(elided.length + 1), tokens);
}
