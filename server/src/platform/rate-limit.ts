import type { Redis } from 'ioredis';

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Fixed-window counters: at most `limit` hits per `windowSeconds` for one key. */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  /** `hit` for many keys at once (one round trip to Redis), answered in the order given. */
  hitMany(keys: string[], limit: number, windowSeconds: number): Promise<RateLimitResult[]>;
  reset(key: string): Promise<void>;
}

/** One process (embedded mode): counters in memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = Date.now();
    if (this.windows.size > 10_000) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= limit, retryAfterSeconds: (window.resetAt - now) / 1000 };
  }

  async hitMany(keys: string[], limit: number, windowSeconds: number): Promise<RateLimitResult[]> {
    const results: RateLimitResult[] = [];
    for (const key of keys) results.push(await this.hit(key, limit, windowSeconds));
    return results;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** Counts a hit; the window starts with the first one. Answers the count and the window's time left (ms). */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Several nodes: counters shared in Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    return (await this.hitMany([key], limit, windowSeconds))[0]!;
  }

  /** One script per key, not MULTI: a pipeline of them is one round trip. */
  async hitMany(keys: string[], limit: number, windowSeconds: number): Promise<RateLimitResult[]> {
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.eval(HIT_SCRIPT, 1, this.prefix + key, windowSeconds * 1000);
    const replies = (await pipeline.exec()) ?? [];
    return keys.map((_, i) => {
      const [error, reply] = replies[i] ?? [new Error('no reply'), undefined];
      if (error) throw error;
      const [count, ttl] = reply as [number, number];
      return { allowed: count <= limit, retryAfterSeconds: Math.max(ttl, 0) / 1000 };
    });
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
