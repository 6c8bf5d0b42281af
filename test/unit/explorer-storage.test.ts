/**
 * The explorer's storage wrapper (server/explorer/browser/header-free-storage.ts): whatever
 * GraphiQL writes, no request header reaches the browser's storage. GraphiQL 5's history
 * plugin stores each run's headers with the query even with `shouldPersistHeaders={false}`.
 */
import { describe, expect, it } from "vitest";
import { headerFreeStorage, type StorageLike } from "../../server/explorer/browser/header-free-storage.js";

const TOKEN = "Bearer ikz_secret";
const HEADERS = JSON.stringify({ Authorization: TOKEN });

/** An in-memory stand-in for `localStorage`. */
function memoryStorage(): StorageLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get length() {
      return entries.size;
    },
  };
}

describe("headerFreeStorage", () => {
  it("drops the headers of history, favourites and tabs, and keeps everything else", () => {
    const backing = memoryStorage();
    const storage = headerFreeStorage(backing);
    const item = { query: "{ __typename }", variables: '{"headers": 1}', headers: HEADERS, operationName: null };
    storage.setItem("graphiql:queries", JSON.stringify({ queries: [item] }));
    storage.setItem("graphiql:favorites", JSON.stringify({ queries: [item] }));
    storage.setItem(
      "graphiql:tabState",
      JSON.stringify({ tabs: [{ id: "a", title: "T", query: "{ a }", headers: HEADERS }], activeTabIndex: 0 }),
    );
    for (const key of ["graphiql:queries", "graphiql:favorites"]) {
      expect(JSON.parse(backing.getItem(key)!)).toEqual({
        queries: [{ query: "{ __typename }", variables: '{"headers": 1}', operationName: null }],
      });
    }
    expect(JSON.parse(backing.getItem("graphiql:tabState")!)).toEqual({
      tabs: [{ id: "a", title: "T", query: "{ a }" }],
      activeTabIndex: 0,
    });
    expect([...backing.entries.values()].join("\n")).not.toContain(TOKEN);
  });

  it("never stores the header editor's text, nor the wish to persist it", () => {
    const backing = memoryStorage();
    const storage = headerFreeStorage(backing);
    storage.setItem("graphiql:headers", HEADERS);
    storage.setItem("graphiql:shouldPersistHeaders", "true");
    expect(backing.getItem("graphiql:headers")).toBe("");
    expect(backing.getItem("graphiql:shouldPersistHeaders")).toBe("false");
  });

  it("passes queries, variables and other values through unchanged", () => {
    const backing = memoryStorage();
    const storage = headerFreeStorage(backing);
    storage.setItem("graphiql:query", "query Headers { headers }");
    storage.setItem("graphiql:variables", '{"headers": "x"}');
    storage.setItem("graphiql:theme", "dark");
    expect(storage.getItem("graphiql:query")).toBe("query Headers { headers }");
    expect(storage.getItem("graphiql:variables")).toBe('{"headers": "x"}');
    expect(storage.getItem("graphiql:theme")).toBe("dark");
    expect(storage.length).toBe(3);
    storage.removeItem("graphiql:theme");
    expect(storage.length).toBe(2);
    storage.clear();
    expect(storage.length).toBe(0);
  });
});
