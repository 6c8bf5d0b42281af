import { LRUCache, type Perf } from "lru-cache";
import { strongEtag } from "./http-cache.js";

/** Most rendered answers kept; a card is about 3 kB, a project page up to about 50 kB. */
const MAX_ENTRIES = 5000;
/** Most bytes of rendered answers kept, keys included. */
const MAX_BYTES = 16 * 1024 * 1024;
/** A bigger answer is sent but not kept. */
const MAX_ENTRY_BYTES = 1024 * 1024;
/** Most slugs remembered as unpublished; they live apart so that junk slugs cannot push real answers out. */
const MAX_MISSING = 1000;
/** Longest an unpublished slug is remembered: the public max-age of a 404, so that a publish shows within it. */
const MAX_MISSING_SECONDS = 60;

/** A rendered card, project page or oEmbed answer with its entity tag. */
export interface RenderedAnswer {
  body: string;
  etag: string;
}

/** What a rendered answer depends on: the project's slug, and everything else (route, origin, language, options). */
export interface PageKey {
  slug: string;
  variant: readonly (string | number | boolean)[];
}

/**
 * A small in-memory cache of rendered answers, so that repeated requests for a
 * card or page cost no statement and a conditional request is answered with 304
 * before any work. Entries live `ttlSeconds` at most (no longer than the public
 * max-age), so that a publish or unpublish shows within it; the cache is bounded
 * by entries and bytes, least recently used first out.
 */
export interface PageCache {
  /**
   * The cached answer for `key`, else the one `render` produces (null when the slug
   * has no published project; that, too, is remembered for a while). Concurrent
   * requests for the same key share one `render`.
   */
  answer(key: PageKey, render: () => Promise<string | null>): Promise<RenderedAnswer | null>;
}

function rendered(body: string): RenderedAnswer {
  return { body, etag: strongEtag(body) };
}

/**
 * Creates a page cache whose entries live `ttlSeconds`; 0 caches nothing. `clock`
 * (milliseconds, `performance.now()` unless given) is what the lifetimes are
 * measured by: tests pass their own to see entries expire without waiting.
 */
export function createPageCache(ttlSeconds: number, clock?: Perf): PageCache {
  if (ttlSeconds <= 0) {
    return {
      answer: async (_key, render) => {
        const body = await render();
        return body === null ? null : rendered(body);
      },
    };
  }
  // An injected clock is read on every look-up: lru-cache otherwise reuses a reading for up to a millisecond.
  const timing = clock ? { perf: clock, ttlResolution: 0 } : {};
  const missing = new LRUCache<string, true>({
    max: MAX_MISSING,
    ttl: Math.min(ttlSeconds, MAX_MISSING_SECONDS) * 1000,
    ...timing,
  });
  const answers = new LRUCache<string, RenderedAnswer, PageKey & { render: () => Promise<string | null> }>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    maxEntrySize: MAX_ENTRY_BYTES,
    sizeCalculation: (answer, key) => Buffer.byteLength(answer.body) + key.length,
    ttl: ttlSeconds * 1000,
    ...timing,
    fetchMethod: async (_cacheKey, _stale, { context }) => {
      const body = await context.render();
      if (body !== null) return rendered(body);
      missing.set(context.slug, true);
      // Not kept here: only `missing`, bounded on its own, remembers unknown slugs.
      return undefined;
    },
  });
  return {
    answer: async (key, render) => {
      if (missing.has(key.slug)) return null;
      const found = await answers.fetch(JSON.stringify([key.slug, ...key.variant]), { context: { ...key, render } });
      return found ?? null;
    },
  };
}
