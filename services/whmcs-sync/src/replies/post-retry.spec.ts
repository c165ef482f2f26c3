import { MAX_POST_RETRY_MS, postRetryDelayMs } from './post-retry';

describe(postRetryDelayMs.name, () => {
  it('should wait the WHMCS timeout after the first post, then twice as long each time', () => {
    expect([1, 2, 3, 4].map((attempts) => postRetryDelayMs(attempts, 2_000))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('should wait at most the longest pause', () => {
    expect(postRetryDelayMs(8, 30_000)).toBe(MAX_POST_RETRY_MS);
    expect(postRetryDelayMs(6, 30_000)).toBe(MAX_POST_RETRY_MS);
    expect(postRetryDelayMs(5, 30_000)).toBe(480_000);
  });
});
