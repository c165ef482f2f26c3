/**
 * An `ILIKE` pattern that finds `text` anywhere, with its own `%`, `_` and `\` matched as
 * themselves (PostgreSQL's default escape character is the backslash).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (character) => `\\${character}`)}%`;
}
