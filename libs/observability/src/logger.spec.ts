import { Writable } from 'node:stream';

import { acceptCorrelationId, runWithCorrelation } from './correlation';
import { createLogger } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe(createLogger.name, () => {
  it('should write JSON lines with the service, instance and level name', () => {
    const out = capture();
    const sut = createLogger({ service: 'ingest', instanceId: 'i-1', level: 'info' }, out.stream);

    sut.info({ documentId: 'd-1' }, 'indexed');

    expect(out.lines()[0]).toMatchObject({
      level: 'info',
      service: 'ingest',
      instance: 'i-1',
      documentId: 'd-1',
      msg: 'indexed',
    });
  });

  it('should add the correlation id of the current request', () => {
    const out = capture();
    const sut = createLogger({ service: 'gateway', instanceId: 'i-1', level: 'info' }, out.stream);

    runWithCorrelation('req-7', () => {
      sut.info('inside');
    });
    sut.info('outside');

    expect(out.lines()[0]).toMatchObject({ correlationId: 'req-7', msg: 'inside' });
    expect(out.lines()[1]).not.toHaveProperty('correlationId');
  });

  it('should never print passwords, tokens or authorization headers', () => {
    const out = capture();
    const sut = createLogger({ service: 'gateway', instanceId: 'i-1', level: 'info' }, out.stream);

    sut.info({
      password: 'hunter2hunter2',
      user: { password: 'p', refreshToken: 'r' },
      req: { headers: { authorization: 'Bearer abc' } },
    });

    const text = JSON.stringify(out.lines()[0]);
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('Bearer abc');
    expect(text).not.toContain('"r"');
    expect(text).toContain('[redacted]');
  });
});

describe(acceptCorrelationId.name, () => {
  it('should keep a short plain id from the caller', () => {
    expect(acceptCorrelationId('abc-123:x.y')).toBe('abc-123:x.y');
  });

  it('should replace a missing, long or unsafe id with a new one', () => {
    for (const candidate of [undefined, '', 'x'.repeat(200), 'a b', 'id\nforged: log', ['a']]) {
      const id = acceptCorrelationId(candidate);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
