import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectKeyRefused, gql, MALFORMED_KEYS, OVERSIZED_KEYS } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.close();
});

describe("topic(key:)", () => {
  it("answers the topic with this key as the list shows it, and null for a key no topic has", async () => {
    const list = await gql(hub, "{ topics(first: 100) { nodes { id key label description } } }");
    expect(list.errors).toBeUndefined();
    const topics = list.data!.topics.nodes as { key: string }[];
    expect(topics.length).toBeGreaterThan(5);
    for (const topic of topics) {
      const answer = await gql(hub, "query ($key: String!) { topic(key: $key) { id key label description } }", {
        key: topic.key,
      });
      expect(answer.errors, topic.key).toBeUndefined();
      expect(answer.data!.topic, topic.key).toEqual(topic);
    }
    const missing = await gql(hub, '{ topic(key: "no-such-topic") { key } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.topic).toBeNull();
  });

  it("refuses a malformed or oversized key, naming the argument, without a trace of the internals", async () => {
    for (const key of [...MALFORMED_KEYS, ...OVERSIZED_KEYS]) {
      const answer = await gql(hub, "query ($key: String!) { topic(key: $key) { key } }", { key });
      expectKeyRefused(answer, OVERSIZED_KEYS.includes(key), JSON.stringify(key.slice(0, 20)));
    }
    const typed = await gql(hub, "{ topic(key: 7) { key } }");
    expect(typed.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const absent = await gql(hub, "{ topic { key } }");
    expect(absent.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(absent.errors?.[0].message).toMatch(/argument "key"/);
  });
});
