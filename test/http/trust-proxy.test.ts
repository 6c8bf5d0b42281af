/**
 * TRUST_PROXY over HTTP: behind trusted proxies (the test connects from loopback, the "proxy") callers told apart
 * only by `X-Forwarded-For` get budgets of their own; without TRUST_PROXY a forged `X-Forwarded-For` changes
 * nothing; IPv6 callers share the budget of their /64.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

/** Posts a tiny query as if forwarded for `forwardedFor` (no header when null). */
function post(hub: TestHub, forwardedFor: string | null): Promise<Response> {
  return fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
}

/** Sends `count` requests for `forwardedFor`, one after the other, and returns their statuses. */
async function statuses(hub: TestHub, forwardedFor: string | null, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await post(hub, forwardedFor);
    await res.arrayBuffer();
    result.push(res.status);
  }
  return result;
}

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe("with TRUST_PROXY naming the proxy (loopback, where the test connects from)", () => {
  it("gives two clients behind one proxy separate budgets", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "3", TRUST_PROXY: "127.0.0.1/32,::1/128" });
    expect(await statuses(hub, "192.0.2.1", 4)).toEqual([200, 200, 200, 429]);
    // Another client behind the same proxy still has its whole budget.
    expect(await statuses(hub, "192.0.2.2", 3)).toEqual([200, 200, 200]);
    expect(await statuses(hub, "192.0.2.2", 1)).toEqual([429]);
    // The proxy's own requests (no header) spend the proxy's budget, untouched so far.
    expect(await statuses(hub, null, 1)).toEqual([200]);
  });

  it("takes the address the proxy appended, not one the client put before it", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "2", TRUST_PROXY: "127.0.0.1" });
    // nginx's $proxy_add_x_forwarded_for: what the client sent, then the address the proxy saw.
    expect(await statuses(hub, "198.51.100.1, 192.0.2.1", 1)).toEqual([200]);
    expect(await statuses(hub, "198.51.100.2, 192.0.2.1", 1)).toEqual([200]);
    expect(await statuses(hub, "198.51.100.3, 192.0.2.1", 1)).toEqual([429]);
    expect(await statuses(hub, "192.0.2.9", 1)).toEqual([200]);
  });

  it("with a hop count trusts that many proxies", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "1", TRUST_PROXY: "1" });
    expect(await statuses(hub, "forged, 192.0.2.1", 2)).toEqual([200, 429]);
    expect(await statuses(hub, "192.0.2.2", 1)).toEqual([200]);
  });

  it("keys IPv6 callers by their /64", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "2", TRUST_PROXY: "127.0.0.1/32,::1/128" });
    expect(await statuses(hub, "2001:db8:1:2::1", 1)).toEqual([200]);
    // Another address of the same /64 shares the budget…
    expect(await statuses(hub, "2001:db8:1:2:ffff:ffff:ffff:ffff", 2)).toEqual([200, 429]);
    // …another /64 has its own.
    expect(await statuses(hub, "2001:db8:1:3::1", 2)).toEqual([200, 200]);
    // An IPv4-mapped address is the IPv4 client.
    expect(await statuses(hub, "192.0.2.1", 1)).toEqual([200]);
    expect(await statuses(hub, "::ffff:192.0.2.1", 2)).toEqual([200, 429]);
  });

  it("charges the proxy when it forwards something that is not an address", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "2", TRUST_PROXY: "127.0.0.1/32,::1/128" });
    expect(await statuses(hub, "not-an-address", 1)).toEqual([200]);
    expect(await statuses(hub, "x".repeat(2000), 1)).toEqual([200]);
    expect(await statuses(hub, null, 1)).toEqual([429]);
  });
});

/** The Atom feed's self link, built from the request (no PUBLIC_URL), asked for as forwarded over https. */
async function feedOrigins(hub: TestHub): Promise<string[]> {
  const res = await fetch(`${hub.origin}/aenderungen.atom`, { headers: { "x-forwarded-proto": "https" } });
  expect(res.status).toBe(200);
  const origins = (await res.text()).match(/https?:\/\/127\.0\.0\.1:\d+/g) ?? [];
  return [...new Set(origins)];
}

describe("links without PUBLIC_URL", () => {
  it("follow X-Forwarded-Proto from a trusted proxy only", async () => {
    hub = await startTestHub({ TRUST_PROXY: "127.0.0.1/32,::1/128" });
    const port = new URL(hub.origin).port;
    expect(await feedOrigins(hub)).toEqual([`https://127.0.0.1:${port}`]);
    await hub.close();
    hub = await startTestHub({});
    expect(await feedOrigins(hub)).toEqual([hub.origin]);
  });
});

describe("without TRUST_PROXY", () => {
  it("ignores X-Forwarded-For: forged addresses share the peer's budget", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "3" });
    expect(await statuses(hub, "192.0.2.1", 1)).toEqual([200]);
    expect(await statuses(hub, "192.0.2.2", 1)).toEqual([200]);
    expect(await statuses(hub, "2001:db8::1", 1)).toEqual([200]);
    expect(await statuses(hub, "192.0.2.3", 1)).toEqual([429]);
    expect(await statuses(hub, null, 1)).toEqual([429]);
  });

  it("ignores it also with a proxy listed that is not the peer", async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "1", TRUST_PROXY: "10.0.0.1,fd00::/8" });
    expect(await statuses(hub, "192.0.2.1", 1)).toEqual([200]);
    expect(await statuses(hub, "192.0.2.2", 1)).toEqual([429]);
  });
});
