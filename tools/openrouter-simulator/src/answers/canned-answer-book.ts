/** A fixed answer for requests whose prompt matches; every given condition must hold. */
export interface CannedAnswerRule {
  readonly answer: string;
  /** Matches when the prompt (every message's text, joined) contains this string. */
  readonly contains?: string;
  /** Matches when this regular expression (source, case-insensitive) matches the prompt. */
  readonly pattern?: string;
  /** Matches only requests served by this model. */
  readonly model?: string;
  /** How many requests the rule answers before it is dropped; unlimited when left out. */
  readonly times?: number;
}

export interface CannedAnswerEntry {
  readonly id: string;
  readonly rule: CannedAnswerRule;
  readonly remaining: number | null;
}

interface Entry {
  readonly id: string;
  readonly rule: CannedAnswerRule;
  readonly regex: RegExp | undefined;
  remaining: number | null;
}

/** Canned answers: rules tried in the order they were added, then a global default. */
export class CannedAnswerBook {
  private entries: Entry[] = [];
  private fallback: string | undefined;
  private nextId = 1;

  get defaultAnswer(): string | undefined {
    return this.fallback;
  }

  setDefault(answer: string | undefined): void {
    this.fallback = answer;
  }

  /** Adds a rule and returns its id; throws when `pattern` is not a valid regular expression. */
  add(rule: CannedAnswerRule): string {
    const id = `canned-${this.nextId}`;
    this.nextId += 1;
    const regex = rule.pattern === undefined ? undefined : new RegExp(rule.pattern, 'i');
    this.entries.push({ id, rule, regex, remaining: rule.times ?? null });
    return id;
  }

  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.id !== id);
    return this.entries.length < before;
  }

  clear(): void {
    this.entries = [];
    this.fallback = undefined;
  }

  list(): CannedAnswerEntry[] {
    return this.entries.map(({ id, rule, remaining }) => ({ id, rule, remaining }));
  }

  /** The answer for this prompt, using up one of the matching rule's `times`. */
  take(promptText: string, model: string): string | undefined {
    const entry = this.entries.find((candidate) => matches(candidate, promptText, model));
    if (!entry) {
      return this.fallback;
    }
    if (entry.remaining !== null) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) {
        this.remove(entry.id);
      }
    }
    return entry.rule.answer;
  }
}

function matches(entry: Entry, promptText: string, model: string): boolean {
  const { contains, model: onlyModel } = entry.rule;
  return (
    (contains === undefined || promptText.includes(contains)) &&
    (entry.regex === undefined || entry.regex.test(promptText)) &&
    (onlyModel === undefined || onlyModel === model)
  );
}
