const PIECE =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]|[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;
const CJK = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;
const DIGIT = /^\p{N}/u;

/**
 * Estimates how many tokens a BPE model (cl100k-like) needs for `text`, leaning high so that
 * chunk budgets hold for real tokenizers: a word costs one token per 6 letters, digits one per
 * 3 (BPE groups them by three), each CJK character and each punctuation mark one, whitespace
 * nothing. The estimate is additive: joining texts with whitespace adds their estimates.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(PIECE)) {
    const piece = match[0];
    if (CJK.test(piece)) {
      tokens += 1;
    } else if (DIGIT.test(piece)) {
      tokens += Math.ceil(piece.length / 3);
    } else if (piece.length > 1) {
      tokens += Math.ceil(piece.length / 6);
    } else {
      tokens += 1;
    }
  }
  return tokens;
}
