import type { AnswerChunk } from '@deskpilot/contracts';

import { TokenCoalescer } from './token-coalescer';

function token(text: string): AnswerChunk {
  return { type: 'token', text };
}

describe('TokenCoalescer', () => {
  let sent: AnswerChunk[];

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  describe('with a window', () => {
    let coalescer: TokenCoalescer;

    beforeEach(() => {
      coalescer = new TokenCoalescer((chunk) => sent.push(chunk), 40);
    });

    it('should send the first text at the end of its event-loop turn', () => {
      coalescer.emit(token('Restart '));
      coalescer.emit(token('Apache '));

      expect(sent).toEqual([]);
      jest.advanceTimersByTime(0);
      expect(sent).toEqual([token('Restart Apache ')]);
    });

    it('should hold later text until the window from its first token has passed', () => {
      coalescer.emit(token('Restart '));
      jest.advanceTimersByTime(0);

      coalescer.emit(token('Apache '));
      jest.advanceTimersByTime(20);
      coalescer.emit(token('in '));
      jest.advanceTimersByTime(19);
      expect(sent).toEqual([token('Restart ')]);

      jest.advanceTimersByTime(1);
      coalescer.emit(token('WHM.'));
      expect(sent).toEqual([token('Restart '), token('Apache in ')]);
      jest.advanceTimersByTime(40);
      expect(sent).toEqual([token('Restart '), token('Apache in '), token('WHM.')]);
    });

    it('should send waiting text before any other chunk, keeping the order', () => {
      coalescer.emit(token('Restart '));
      jest.advanceTimersByTime(0);
      coalescer.emit(token('Done [1]'));
      coalescer.emit({ type: 'citations', citations: [] });

      expect(sent).toEqual([
        token('Restart '),
        token('Done [1]'),
        { type: 'citations', citations: [] },
      ]);
      jest.advanceTimersByTime(40);
      expect(sent).toHaveLength(3);
    });

    it('should not send the same text twice when flushed before its time', () => {
      coalescer.emit(token('Once'));
      coalescer.flush();
      jest.advanceTimersByTime(100);

      expect(sent).toEqual([token('Once')]);
    });
  });

  it('should send the text of every turn at the end of that turn without a window', () => {
    const coalescer = new TokenCoalescer((chunk) => sent.push(chunk), 0);

    coalescer.emit(token('Restart '));
    coalescer.emit(token('Apache '));
    jest.advanceTimersByTime(0);
    coalescer.emit(token('in WHM.'));
    jest.advanceTimersByTime(0);

    expect(sent).toEqual([token('Restart Apache '), token('in WHM.')]);
  });
});
