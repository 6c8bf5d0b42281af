import { createHash, randomUUID } from "node:crypto";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { addressBudgetKey, rateLimitSubject } from "../../server/rate-limit/rate-limit.middleware.js";
import { createRateLimiter } from "../../server/rate-limit/rate-limiter.js";
import { createLogger } from "../../server/logger.js";
import { closeRedis, openRedis } from "../../server/redis/redis-client.js";

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
      config: { rateLimit: { points: 3, durationSeconds: 60 } },
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
  });

  it("starts a new window when the old one has passed", async () => {
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 1, durationSeconds: 1 } },
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
    const redis = redisUrl ? openRedis(redisUrl) : null;
    const limiter = createRateLimiter({
      config: { rateLimit: { points: 12, durationSeconds: 60 } },
      logger: silent,
      redis,
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
      if (redis) await closeRedis(redis.client);
    }
  });
});

describe("unreachable Redis", () => {
  it("counts in memory, never rejects, and warns once", async () => {
    const { logger, warnings } = capturingLogger();
    const redis = openRedis("redis://:secret@127.0.0.1:1");
    const limiter = createRateLimiter({ config: { rateLimit: { points: 2, durationSeconds: 60 } }, logger, redis });
    expect(limiter.usesRedis).toBe(true);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.consume("ip:192.0.2.9"));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false, false, false]);
    expect(await limiter.redisStatus()).toBe("down");
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0].msg).toMatch(/Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is unreachable/);
    expect(JSON.stringify(warnings())).not.toContain("secret");
    await closeRedis(redis.client);
  });

  it("says the connection was closed, not that a command failed, once the hub closed it", async () => {
    const { logger, warnings } = capturingLogger();
    const redis = openRedis("redis://127.0.0.1:6379");
    const limiter = createRateLimiter({ config: { rateLimit: { points: 2, durationSeconds: 60 } }, logger, redis });
    const key = `test:${randomUUID()}`;
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 1 });
    await closeRedis(redis.client);
    // Counted in memory now (the connection is gone), with one line saying why, not as an unexplained failure.
    expect(await limiter.consume(key)).toMatchObject({ allowed: true });
    expect(warnings().map((line) => line.msg)).toEqual([expect.stringMatching(/unreachable \(connection closed\)/)]);
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
    expect(rateLimitSubject(null, "2001:db8::1")).toEqual({ kind: "address", key: "ip:2001:db8:0:0::/64" });
    // An IPv4 client on a dual-stack socket counts as the same IPv4 address.
    expect(rateLimitSubject(null, "::ffff:192.0.2.1")).toEqual({ kind: "address", key: "ip:192.0.2.1" });
    expect(rateLimitSubject(null, undefined)).toEqual({ kind: "address", key: "ip:unknown" });
  });

  it("falls back to the TCP peer when the forwarded address is not an address", () => {
    expect(rateLimitSubject(null, "not-an-address", "127.0.0.1").key).toBe("ip:127.0.0.1");
    expect(rateLimitSubject(null, "", "::ffff:127.0.0.1").key).toBe("ip:127.0.0.1");
    expect(rateLimitSubject(null, "x".repeat(10_000), undefined).key).toBe("ip:unknown");
  });
});

describe("addressBudgetKey", () => {
  it("keys an IPv4 address by the whole address, also when written IPv4-mapped", () => {
    expect(addressBudgetKey("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBudgetKey("192.0.2.2")).toBe("192.0.2.2");
    for (const mapped of ["::ffff:192.0.2.1", "::FFFF:192.0.2.1", "::ffff:c000:201", "0:0:0:0:0:ffff:c000:0201"])
      expect(addressBudgetKey(mapped)).toBe("192.0.2.1");
  });

  it("keys IPv6 addresses of one /64 alike, however written, and of different /64s apart", () => {
    const key = addressBudgetKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    for (const same of [
      "2001:db8:1:2::ffff",
      "2001:db8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:0DB8:0001:0002:0:0:0:7",
      "2001:db8:1:2::1%eth0",
      "2001:db8:1:2:0:0:192.0.2.1",
    ])
      expect(addressBudgetKey(same), same).toBe(key);
    for (const other of ["2001:db8:1:3::1", "2001:db8:2:2::1", "2001:db9:1:2::1", "::1", "fe80::1"])
      expect(addressBudgetKey(other), other).not.toBe(key);
    expect(addressBudgetKey("::1")).toBe("0:0:0:0::/64");
    expect(addressBudgetKey("::")).toBe("0:0:0:0::/64");
    // Not IPv4-mapped: an IPv4-compatible or NAT64 address is an IPv6 client.
    expect(addressBudgetKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("is null for what is not an IP address", () => {
    for (const bad of [undefined, "", "unknown", "1.2.3", "192.0.2.1:80", "[::1]", "2001:db8::1::2", "x".repeat(5000)])
      expect(addressBudgetKey(bad), String(bad).slice(0, 20)).toBeNull();
  });
});
