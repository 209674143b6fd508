import { TokenBucketLimiter } from './token-bucket';

describe('TokenBucketLimiter', () => {
  it('allows a burst of `capacity`, then refuses with the seconds until a token is back, per key', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 20, refillPerSecond: 2, now: () => now });
    for (let i = 0; i < 20; i++) expect(limiter.take('wang')).toBeNull();
    expect(limiter.take('wang')).toBe(1);
    expect(limiter.take('sun')).toBeNull();
    now = 500; // half a second: one token back
    expect(limiter.take('wang')).toBeNull();
    expect(limiter.take('wang')).toBe(1);
    now = 10_500; // ten seconds idle: full again, never more than capacity
    for (let i = 0; i < 20; i++) expect(limiter.take('wang')).toBeNull();
    expect(limiter.take('wang')).not.toBeNull();
  });
});
