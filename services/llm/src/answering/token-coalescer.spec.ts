import { setImmediate as nextTurn } from 'node:timers/promises';

import type { AnswerChunk } from '@deskpilot/contracts';

import { TokenCoalescer } from './token-coalescer';

describe('TokenCoalescer', () => {
  let sent: AnswerChunk[];
  let coalescer: TokenCoalescer;

  beforeEach(() => {
    sent = [];
    coalescer = new TokenCoalescer((chunk) => sent.push(chunk));
  });

  it('should send the tokens of one event-loop turn as one chunk at the end of the turn', async () => {
    coalescer.emit({ type: 'token', text: 'Restart ' });
    coalescer.emit({ type: 'token', text: 'Apache ' });

    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([{ type: 'token', text: 'Restart Apache ' }]);

    coalescer.emit({ type: 'token', text: 'in WHM.' });
    await nextTurn();
    expect(sent).toEqual([
      { type: 'token', text: 'Restart Apache ' },
      { type: 'token', text: 'in WHM.' },
    ]);
  });

  it('should send waiting text before any other chunk, keeping the order', () => {
    coalescer.emit({ type: 'token', text: 'Done [1]' });
    coalescer.emit({ type: 'citations', citations: [] });

    expect(sent).toEqual([
      { type: 'token', text: 'Done [1]' },
      { type: 'citations', citations: [] },
    ]);
  });

  it('should not send the same text twice when flushed before its turn ends', async () => {
    coalescer.emit({ type: 'token', text: 'Once' });
    coalescer.flush();
    await nextTurn();

    expect(sent).toEqual([{ type: 'token', text: 'Once' }]);
  });
});
