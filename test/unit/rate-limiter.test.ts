import { createHash, randomUUID } from "node:crypto";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { rateLimitSubject } from "../../server/rate-limit/rate-limit.middleware.js";
import { createRateLimiter } from "../../server/rate-limit/rate-limiter.js";
import { createLogger } from "../../server/logger.js";

const silent = createLogger({ logLevel: "silent", logFormat: "json" });
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A logger that keeps its JSON lines, to count warnings. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, warnings: () => lines.filter((line) => line.level === 40) };
}

describe("memory limiter", () => {
  it("lets `points` requests through per window and refuses the next, per key", async () => {
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 3, durationSeconds: 60 }, redisUrl: null },
      logger: silent,
    });
    expect(limiter.usesRedis).toBe(false);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume("ip:192.0.2.1"));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    for (const result of results) {
      expect(result.limit).toBe(3);
      expect(result.resetSeconds).toBeGreaterThanOrEqual(1);
      expect(result.resetSeconds).toBeLessThanOrEqual(60);
    }
    // Another key has its own budget.
    expect(await limiter.consume("ip:192.0.2.2")).toMatchObject({ allowed: true, remaining: 2 });
    expect(await limiter.redisStatus()).toBeNull();
    await limiter.close();
  });

  it("starts a new window when the old one has passed", async () => {
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 1, durationSeconds: 1 }, redisUrl: null },
      logger: silent,
    });
    expect((await limiter.consume("k")).allowed).toBe(true);
    expect((await limiter.consume("k")).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.consume("k")).allowed).toBe(true);
  });
});

describe.each([
  ["memory", null],
  ["Redis", "redis://127.0.0.1:6379"],
])("consume(key, points) in %s", (_where, redisUrl) => {
  it("takes several points at once; a refused request takes none, so that a smaller one still passes", async () => {
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 12, durationSeconds: 60 }, redisUrl },
      logger: silent,
    });
    const key = `test:${randomUUID()}`;
    try {
      expect(await limiter.consume(key, 5)).toMatchObject({ allowed: true, remaining: 7 });
      expect(await limiter.consume(key, 10)).toMatchObject({ allowed: false, remaining: 7, limit: 12 });
      expect(await limiter.consume(key, 7)).toMatchObject({ allowed: true, remaining: 0 });
      const refused = await limiter.consume(key);
      expect(refused).toMatchObject({ allowed: false, remaining: 0 });
      expect(refused.resetSeconds).toBeGreaterThanOrEqual(1);
      if (redisUrl) expect(await limiter.redisStatus()).toBe("up");
    } finally {
      await limiter.close();
    }
  });
});

describe("unreachable Redis", () => {
  it("counts in memory, never rejects, and warns once", async () => {
    const { logger, warnings } = capturingLogger();
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 2, durationSeconds: 60 }, redisUrl: "redis://:secret@127.0.0.1:1" },
      logger,
    });
    expect(limiter.usesRedis).toBe(true);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.consume("ip:192.0.2.9"));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false, false, false]);
    expect(await limiter.redisStatus()).toBe("down");
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0].msg).toMatch(/Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is unreachable/);
    expect(JSON.stringify(warnings())).not.toContain("secret");
    await limiter.close();
    await limiter.close();
  });
});

describe("rateLimitSubject", () => {
  it("keys a verified token by its SHA-256, never the token itself", () => {
    const token = "s3cr3t-token.value_~+/=";
    const subject = rateLimitSubject(token, "192.0.2.1");
    expect(subject).toEqual({ kind: "token", key: `token:${sha256(token)}` });
    expect(subject.key).not.toContain(token);
    expect(rateLimitSubject(token, "198.51.100.7")).toEqual(subject);
    expect(rateLimitSubject("other", "192.0.2.1").key).not.toBe(subject.key);
  });

  it("keys every other request by the client address", () => {
    expect(rateLimitSubject(null, "192.0.2.1")).toEqual({ kind: "address", key: "ip:192.0.2.1" });
    expect(rateLimitSubject("", "192.0.2.1")).toEqual({ kind: "address", key: "ip:192.0.2.1" });
    expect(rateLimitSubject(null, "2001:db8::1")).toEqual({ kind: "address", key: "ip:2001:db8::1" });
    // An IPv4 client on a dual-stack socket counts as the same IPv4 address.
    expect(rateLimitSubject(null, "::ffff:192.0.2.1")).toEqual({ kind: "address", key: "ip:192.0.2.1" });
    expect(rateLimitSubject(null, undefined)).toEqual({ kind: "address", key: "ip:unknown" });
  });
});
