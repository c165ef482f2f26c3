/** Longest piece of a word that counts as one token; English averages about four characters. */
export const MAX_TOKEN_CHARS = 4;

/** Per-message overhead added to prompt counts, as chat templates wrap every message. */
const MESSAGE_OVERHEAD_TOKENS = 3;

/**
 * Splits text into approximate tokens: each word with its leading whitespace, long words cut into
 * pieces of up to four characters. Joining the tokens gives back the exact text, so a stream of
 * them reassembles the answer.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/(\s*)(\S+)/g)) {
    const space = match[1] ?? '';
    const word = match[2] ?? '';
    for (let start = 0; start < word.length; start += MAX_TOKEN_CHARS) {
      tokens.push((start === 0 ? space : '') + word.slice(start, start + MAX_TOKEN_CHARS));
    }
  }
  const trailing = /\s+$/.exec(text)?.[0];
  if (trailing !== undefined) {
    const last = tokens.length - 1;
    if (last < 0) {
      tokens.push(trailing);
    } else {
      tokens[last] = `${tokens[last] ?? ''}${trailing}`;
    }
  }
  return tokens;
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}

export function countPromptTokens(messageTexts: readonly string[]): number {
  return messageTexts.reduce(
    (total, text) => total + countTokens(text) + MESSAGE_OVERHEAD_TOKENS,
    MESSAGE_OVERHEAD_TOKENS,
  );
}
