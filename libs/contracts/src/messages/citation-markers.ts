/* `[2]` or `[1, 3]`, with the spaces before it on its line. */
const MARKER = /[ \t]*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
/* Fenced code blocks and inline code, where brackets are the customer's or the agent's code. */
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;

/**
 * An answer or reply without the markers that cite its knowledge-base passages (`[2]`,
 * `[1, 3]`, the numbers of its citations): they point staff to the sources and mean nothing to a
 * customer. Brackets around other numbers, and anything inside code, stay as written.
 */
export function withoutCitationMarkers(text: string, cited: ReadonlySet<number>): string {
  return text
    .split(CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(MARKER, (marker, numbers: string) =>
            numbers.split(',').every((n) => cited.has(Number(n.trim()))) ? '' : marker,
          ),
    )
    .join('');
}
