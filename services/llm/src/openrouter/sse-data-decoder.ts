const LF = '\n';
const CR = '\r';

/**
 * Splits a server-sent event stream into the `data` of its events, one pass over the bytes as
 * they arrive. Lines end with LF, CRLF or CR (a CR that ends one read may be the first half of a
 * CRLF); lines starting with `:` are comments (OpenRouter's `: OPENROUTER PROCESSING`); an
 * event's `data` lines are joined with LF and it is dispatched at the blank line after it, so an
 * event the stream breaks off in the middle of is never returned.
 */
export class SseDataDecoder {
  private readonly text = new TextDecoder();
  private buffer = '';
  private data: string[] = [];
  private afterCr = false;

  /** Takes the next bytes of the stream; returns the data of each event they complete. */
  push(bytes: Uint8Array): string[] {
    let text = this.buffer + this.text.decode(bytes, { stream: true });
    if (this.afterCr && text.startsWith(LF)) {
      text = text.slice(1);
    }
    this.afterCr = false;
    const events: string[] = [];
    let start = 0;
    let lf = text.indexOf(LF);
    let cr = text.indexOf(CR);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      this.line(text.slice(start, end), events);
      start = end + 1;
      if (end === cr) {
        if (start === text.length) {
          this.afterCr = true;
        } else if (text[start] === LF) {
          start += 1;
        }
      }
      if (lf !== -1 && lf < start) {
        lf = text.indexOf(LF, start);
      }
      if (cr !== -1 && cr < start) {
        cr = text.indexOf(CR, start);
      }
    }
    this.buffer = text.slice(start);
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line.length === 0) {
      if (this.data.length > 0) {
        events.push(this.data.join(LF));
        this.data = [];
      }
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) {
      return;
    }
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') {
      return;
    }
    const value = colon === -1 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
  }
}
