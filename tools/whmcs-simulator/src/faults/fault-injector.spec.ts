import { FaultInjector } from './fault-injector';

describe(FaultInjector.name, () => {
  describe('decide', () => {
    it('should strike every matching call when the rate is 1', () => {
      const sut = new FaultInjector(1, [{ fault: 'http-500', actions: ['GetTicket'] }]);

      expect(sut.decide('getticket').failure?.kind).toBe('http-500');
      expect(sut.decide('gettickets').failure).toBeNull();
    });

    it('should stop after count hits', () => {
      const sut = new FaultInjector(1, [{ fault: 'written-then-500', count: 2 }]);

      const kinds = [1, 2, 3].map(() => sut.decide('addticketreply').failure?.kind ?? null);

      expect(kinds).toEqual(['written-then-500', 'written-then-500', null]);
      expect(sut.list()).toEqual([]);
    });

    it('should strike about the configured share of calls, the same way for the same seed', () => {
      const first = new FaultInjector(7, [{ fault: 'http-500', rate: 0.2 }]);
      const second = new FaultInjector(7, [{ fault: 'http-500', rate: 0.2 }]);

      const draws = Array.from({ length: 1000 }, () => first.decide('x').failure !== null);
      const again = Array.from({ length: 1000 }, () => second.decide('x').failure !== null);

      const hits = draws.filter(Boolean).length;
      expect(hits).toBeGreaterThan(150);
      expect(hits).toBeLessThan(250);
      expect(again).toEqual(draws);
    });

    it('should add a delay and a failure together', () => {
      const sut = new FaultInjector(1, [{ fault: 'slow', delayMs: 50 }, { fault: 'html-page' }]);

      expect(sut.decide('x')).toEqual({
        delayMs: 50,
        failure: { kind: 'html-page', delayMs: 30_000 },
      });
    });
  });

  describe('set', () => {
    it('should reject an unknown fault', () => {
      const sut = new FaultInjector(1);

      expect(() => {
        sut.set([{ fault: 'explode' as never }]);
      }).toThrow();
    });
  });
});
