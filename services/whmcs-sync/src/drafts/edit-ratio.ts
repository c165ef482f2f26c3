/**
 * How much of the AI text a reviewer changed: the word-level edit distance between the AI text and
 * the sent text, divided by the longer of the two. 0 means sent as drafted, 1 means rewritten.
 */
export function editRatio(aiText: string, sentText: string): number {
  const before = words(aiText);
  const after = words(sentText);
  const longest = Math.max(before.length, after.length);
  if (longest === 0) {
    return 0;
  }
  return Math.round((distance(before, after) / longest) * 1000) / 1000;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Levenshtein distance over words, two rows at a time. */
function distance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
