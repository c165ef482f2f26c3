import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Relative to the package root, so the same path works from src/ (tests) and dist/ (runtime).
const LIST_PATH = join(__dirname, '..', '..', 'assets', 'common-passwords.txt');

let cached: ReadonlySet<string> | undefined;

/** The 10,000 most common passwords (lower-case), loaded once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(LIST_PATH, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return cached;
}
