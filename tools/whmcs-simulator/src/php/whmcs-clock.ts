interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The WHMCS server's clock: dates are `Y-m-d H:i:s` strings in the server's PHP timezone with no
 * zone marker. Time is kept in whole seconds, as the database does, and can be moved forward so
 * tests can make two events land in different seconds.
 */
export class WhmcsClock {
  private readonly formatter: Intl.DateTimeFormat;
  private offsetMs = 0;

  constructor(
    readonly timeZone: string,
    private readonly source: () => number = Date.now,
  ) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  }

  now(): number {
    return Math.floor((this.source() + this.offsetMs) / 1000) * 1000;
  }

  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
  }

  /** Moves the clock forward if needed so that `now()` is not before `ms`. */
  ensureAtLeast(ms: number): void {
    const behind = ms - this.now();
    if (behind > 0) {
      this.offsetMs += behind;
    }
  }

  format(ms: number): string {
    const p = this.localParts(ms);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  }

  /**
   * Parses a `created` value: ISO 8601 (with or without zone) or `YYYY-MM-DD HH:mm:ss` in the
   * server's timezone. Returns `undefined` for anything WHMCS would call an invalid date format.
   */
  parse(text: string): number | undefined {
    const value = text.trim();
    if (ZONED_ISO.test(value)) {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) * 1000;
    }
    const match = LOCAL_DATE.exec(value);
    if (match === null) {
      return undefined;
    }
    const [year, month, day, hour, minute, second] = match
      .slice(1)
      .map((part) => Number(part || '0'));
    const parts: LocalParts = {
      year: year ?? 0,
      month: month ?? 0,
      day: day ?? 0,
      hour: hour ?? 0,
      minute: minute ?? 0,
      second: second ?? 0,
    };
    return this.isValidLocal(parts) ? this.fromLocal(parts) : undefined;
  }

  private fromLocal(parts: LocalParts): number {
    const asUtc = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    );
    const first = asUtc - this.zoneOffset(asUtc);
    return asUtc - this.zoneOffset(first);
  }

  private zoneOffset(ms: number): number {
    const p = this.localParts(ms);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - Math.floor(ms / 1000) * 1000;
  }

  private isValidLocal(parts: LocalParts): boolean {
    const probe = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
    return (
      probe.getUTCMonth() === parts.month - 1 &&
      probe.getUTCDate() === parts.day &&
      parts.hour < 24 &&
      parts.minute < 60 &&
      parts.second < 60
    );
  }

  private localParts(ms: number): LocalParts {
    const values: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(ms))) {
      if (part.type !== 'literal') {
        values[part.type] = Number(part.value);
      }
    }
    return {
      year: values['year'] ?? 0,
      month: values['month'] ?? 0,
      day: values['day'] ?? 0,
      hour: values['hour'] ?? 0,
      minute: values['minute'] ?? 0,
      second: values['second'] ?? 0,
    };
  }
}
