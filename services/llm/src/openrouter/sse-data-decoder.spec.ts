import { SseDataDecoder } from './sse-data-decoder';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Feeds `stream` to a fresh decoder in pieces cut at `cuts` (byte offsets). */
function decodeInPieces(stream: Uint8Array, cuts: readonly number[]): string[] {
  const decoder = new SseDataDecoder();
  const events: string[] = [];
  let start = 0;
  for (const end of [...cuts, stream.length]) {
    events.push(...decoder.push(stream.subarray(start, end)));
    start = end;
  }
  return events;
}

describe(SseDataDecoder.name, () => {
  it('should return the data of each event at its blank line, skipping comments', () => {
    const stream = bytes(
      ': OPENROUTER PROCESSING\n\ndata: {"a":1}\n\n: OPENROUTER PROCESSING\n\ndata: [DONE]\n\n',
    );

    expect(decodeInPieces(stream, [])).toEqual(['{"a":1}', '[DONE]']);
  });

  it('should join the data lines of one event and ignore its other fields', () => {
    const stream = bytes('event: message\nid: 7\ndata: first\ndata:second\ndata\nretry: 10\n\n');

    expect(decodeInPieces(stream, [])).toEqual(['first\nsecond\n']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('should read lines ending in %s', (_name, eol) => {
    const stream = bytes(`data: one${eol}${eol}:comment${eol}data: two${eol}${eol}`);

    expect(decodeInPieces(stream, [])).toEqual(['one', 'two']);
  });

  it('should give the same events wherever the reads are cut, inside characters and CRLFs too', () => {
    const stream = bytes(
      'data: {"t":"né ✓"}\r\n\r\n: c\r\ndata: {"t":\r\ndata: "🙂"}\r\n\r\ndata: [DONE]\r\n\r\n',
    );
    const expected = ['{"t":"né ✓"}', '{"t":\n"🙂"}', '[DONE]'];

    for (let cut = 1; cut < stream.length; cut += 1) {
      expect(decodeInPieces(stream, [cut])).toEqual(expected);
    }
    expect(
      decodeInPieces(
        stream,
        Array.from({ length: stream.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(expected);
  });

  it('should not return an event the stream broke off before its blank line', () => {
    expect(decodeInPieces(bytes('data: {"a":1}\n\ndata: {"b":'), [])).toEqual(['{"a":1}']);
    expect(decodeInPieces(bytes('data: {"a":1}\n\ndata: {"b":2}\n'), [])).toEqual(['{"a":1}']);
  });
});
