const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/** Passage numbers cited in a text as `[2]` or `[1, 3]`, each once, in order of appearance. */
export function citedNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(MARKER)) {
    for (const part of (match[1] ?? '').split(',')) {
      numbers.add(Number(part.trim()));
    }
  }
  return [...numbers];
}

export function withoutMarkers(text: string): string {
  return text.replace(MARKER, ' ');
}
