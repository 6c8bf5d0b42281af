import { describe, expect, it } from "vitest";
import { createPageCache, type PageKey } from "../../server/embed/page-cache.js";

const key = (slug: string, ...variant: (string | number | boolean)[]): PageKey => ({
  slug,
  variant: ["card", "http://127.0.0.1", ...variant],
});

/** A render function that counts its calls. */
function renderer(body: string | null) {
  const render = async () => {
    render.calls++;
    return body;
  };
  render.calls = 0;
  return render;
}

describe("the page cache", () => {
  it("renders once per key, and answers with the body's strong ETag", async () => {
    const cache = createPageCache(60);
    const render = renderer("<p>card</p>");
    const first = await cache.answer(key("a"), render);
    expect(await cache.answer(key("a"), render)).toEqual(first);
    expect(first).toEqual({ body: "<p>card</p>", etag: expect.stringMatching(/^"[A-Za-z0-9_-]{32}"$/) });
    expect(render.calls).toBe(1);
    await cache.answer(key("a", "en"), render);
    expect(render.calls).toBe(2);
  });

  it("shares one render between concurrent requests for the same key", async () => {
    const cache = createPageCache(60);
    const render = renderer("<p>card</p>");
    await Promise.all(Array.from({ length: 20 }, () => cache.answer(key("a"), render)));
    expect(render.calls).toBe(1);
  });

  it("keeps unknown slugs apart: a flood of them pushes no real answer out, and is bounded itself", async () => {
    const cache = createPageCache(60);
    const real = renderer("<p>real</p>");
    await cache.answer(key("real"), real);
    const junk = renderer(null);
    for (let i = 0; i < 6000; i++) expect(await cache.answer(key(`junk-${i}`), junk)).toBeNull();
    expect(junk.calls).toBe(6000);
    await cache.answer(key("real"), real);
    expect(real.calls).toBe(1);
    // The most recent unknown slugs are remembered (whatever the variant), the oldest were let go.
    await cache.answer(key("junk-5999", "en"), junk);
    expect(junk.calls).toBe(6000);
    await cache.answer(key("junk-0"), junk);
    expect(junk.calls).toBe(6001);
  });

  it("is bounded by bytes: old answers make way for new ones", async () => {
    const cache = createPageCache(60);
    const big = renderer("x".repeat(100_000));
    for (let i = 0; i < 400; i++) await cache.answer(key(`p-${i}`), big); // 40 MB rendered, 16 MB kept
    expect(big.calls).toBe(400);
    await cache.answer(key("p-399"), big);
    expect(big.calls).toBe(400);
    await cache.answer(key("p-0"), big);
    expect(big.calls).toBe(401);
  });

  it("renders again once an entry has lived its lifetime, by the clock it is given", async () => {
    let now = 1_000;
    const cache = createPageCache(60, { now: () => now });
    let body: string | null = "<p>published</p>";
    const render = async () => body;
    expect((await cache.answer(key("a"), render))?.body).toBe("<p>published</p>");
    body = null; // unpublished
    now += 59_999;
    expect((await cache.answer(key("a"), render))?.body).toBe("<p>published</p>");
    now += 2;
    expect(await cache.answer(key("a"), render)).toBeNull();
    body = "<p>published again</p>";
    now += 59_999;
    // Remembered as unpublished, for every variant, until that entry expires too.
    expect(await cache.answer(key("a"), render)).toBeNull();
    expect(await cache.answer(key("a", "en"), render)).toBeNull();
    now += 2;
    expect((await cache.answer(key("a"), render))?.body).toBe("<p>published again</p>");
  });

  it("keeps nothing when its lifetime is 0", async () => {
    const cache = createPageCache(0);
    const render = renderer("<p>card</p>");
    await cache.answer(key("a"), render);
    await cache.answer(key("a"), render);
    expect(render.calls).toBe(2);
  });
});
