import { Injectable } from '@nestjs/common';

import type { MatchGroups, RedactionKind } from './redaction-rules';
import { REDACTION_RULES } from './redaction-rules';

/** The marks `redact` leaves where it removed something. */
const REDACTION_MARKS = /\[REDACTED:[a-z-]+\]/gu;

export interface RedactionResult {
  readonly text: string;
  /** Kinds found, each once, in rule order. */
  readonly kinds: readonly RedactionKind[];
  readonly count: number;
}

/**
 * Hides secrets and personal data (passwords, API keys, private keys, card numbers, tokens in
 * URLs, e-mail addresses…) before text leaves for a model or reaches a log. Each secret becomes
 * `[REDACTED:<kind>]`; the words around it stay, so the model still understands the request.
 */
@Injectable()
export class SecretRedactor {
  redact(text: string): RedactionResult {
    let current = text;
    const kinds = new Set<RedactionKind>();
    let count = 0;
    for (const rule of REDACTION_RULES) {
      current = current.replace(rule.pattern, (...args: unknown[]) => {
        const match = args[0] as string;
        const groups = (args.at(-1) ?? {}) as MatchGroups;
        const secret = groups['secret'];
        if (
          secret === undefined ||
          secret.length === 0 ||
          rule.accept?.(secret, groups) === false
        ) {
          return match;
        }
        kinds.add(rule.kind);
        count += 1;
        const start = match.lastIndexOf(secret);
        return `${match.slice(0, start)}[REDACTED:${rule.kind}]${match.slice(start + secret.length)}`;
      });
    }
    return { text: current, kinds: [...kinds], count };
  }

  /** Redacts several texts; the kinds are merged. */
  redactAll(texts: readonly string[]): { texts: string[]; kinds: RedactionKind[] } {
    const kinds = new Set<RedactionKind>();
    const redacted = texts.map((text) => {
      const result = this.redact(text);
      result.kinds.forEach((kind) => kinds.add(kind));
      return result.text;
    });
    return { texts: redacted, kinds: [...kinds] };
  }
}

/**
 * Redacted text without the marks of what was removed, for a knowledge base search: the marks'
 * words were not written by anyone and would be searched for (or read as similar words).
 */
export function withoutRedactionMarks(text: string): string {
  return text.replace(REDACTION_MARKS, ' ');
}
