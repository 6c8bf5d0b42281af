/**
 * Large operations a few at a time (server/graphql/cost-in-flight.ts): their summed cost stays within the capacity,
 * they start in order of arrival, small ones never wait, a place is given back however the operation ends, and one
 * still waiting at its deadline is answered TIMEOUT without running a resolver.
 */
import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { OperationLimits } from "../../server/config.js";
import { CostGate, costInFlightPlugin } from "../../server/graphql/cost-in-flight.js";
import { operationLimitsPlugin } from "../../server/graphql/limits.js";

/** Lets pending promise callbacks and immediates run, so that whatever could start has started. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe("CostGate", () => {
  it("admits large operations while their summed cost fits, then in order of arrival as places free up", async () => {
    const gate = new CostGate(300);
    const started: string[] = [];
    const enter = (name: string, cost: number) => gate.enter(cost).then((release) => (started.push(name), release));
    const first = enter("a", 150);
    const second = enter("b", 150);
    const third = enter("c", 150);
    const fourth = enter("d", 100);
    await settle();
    expect(started).toEqual(["a", "b"]);
    expect(gate.state).toEqual({ running: 2, inFlight: 300, waiting: 2 });
    // "d" would fit beside "c" but not before it: arrival order holds, so a large operation is never passed over.
    (await first)();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    (await second)();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(gate.state).toEqual({ running: 2, inFlight: 250, waiting: 0 });
    (await third)();
    (await fourth)();
    expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
  });

  it("lets small operations through at once, even while large ones wait", async () => {
    const gate = new CostGate(300);
    const large = await gate.enter(300);
    const waiting = gate.enter(200);
    await settle();
    expect(gate.state.waiting).toBe(1);
    const small = await gate.enter(3);
    small();
    expect(gate.state).toEqual({ running: 1, inFlight: 300, waiting: 1 });
    large();
    (await waiting)();
    expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
  });

  it("runs an operation costlier than the capacity alone, and counts a second release of a place once", async () => {
    const gate = new CostGate(300);
    const oversized = await gate.enter(1_000_000);
    let next = false;
    const after = gate.enter(150).then((release) => ((next = true), release));
    await settle();
    expect(next).toBe(false);
    oversized();
    oversized();
    const release = await after;
    expect(gate.state).toEqual({ running: 1, inFlight: 150, waiting: 0 });
    release();
    expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
  });

  it("stops waiting after the time given, without a place, and lets those behind it start if they fit", async () => {
    const gate = new CostGate(300);
    const held = await gate.enter(200);
    const givenUp = gate.enter(300, 1);
    const behind = gate.enter(100);
    const release = await givenUp;
    release();
    const released = await behind;
    expect(gate.state).toEqual({ running: 2, inFlight: 300, waiting: 0 });
    held();
    released();
    expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
  });
});

describe("costInFlightPlugin", () => {
  /** A server whose `items(first)` resolver waits until the test lets it finish; `items(first: 100)` costs 100. */
  function serverWith(gate: CostGate, executionTimeoutMs = 60_000) {
    const running = { now: 0, most: 0 };
    const finishers: (() => void)[] = [];
    const limits: OperationLimits = {
      depth: 12,
      aliases: 30,
      directives: 20,
      tokens: 3000,
      cost: 1_000_000,
      executionTimeoutMs,
    };
    const server = new ApolloServer({
      typeDefs:
        "type Item { name: String } type Query { items(first: Int): [Item!]! quick: String failing(first: Int): [Item!]! }",
      resolvers: {
        Query: {
          items: (_: unknown, { first }: { first: number }) => {
            running.now += 1;
            running.most = Math.max(running.most, running.now);
            return new Promise((resolve) =>
              finishers.push(() => {
                running.now -= 1;
                resolve(Array.from({ length: first }, (_, index) => ({ name: `item ${index}` })));
              }),
            );
          },
          quick: () => "quick",
          failing: () => {
            throw new Error("broken");
          },
        },
      },
      plugins: [operationLimitsPlugin(limits), costInFlightPlugin(gate)],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    return { server, running, finishers };
  }

  it("executes at most as many large operations at once as fit the capacity, answers all, and small ones meanwhile", async () => {
    const gate = new CostGate(250);
    const { server, running, finishers } = serverWith(gate);
    await server.start();
    try {
      const answers = Array.from({ length: 5 }, () =>
        server.executeOperation({ query: "{ items(first: 100) { name } }" }),
      );
      await settle();
      expect(running.now).toBe(2);
      expect(gate.state.waiting).toBe(3);
      const quick = await server.executeOperation({ query: "{ quick }" });
      expect(quick.body.kind === "single" && quick.body.singleResult.data).toEqual({ quick: "quick" });
      while (finishers.length) {
        finishers.shift()!();
        await settle();
      }
      for (const answer of await Promise.all(answers)) {
        const result = answer.body.kind === "single" ? answer.body.singleResult : undefined;
        expect(result?.errors).toBeUndefined();
        expect((result?.data?.items as unknown[]).length).toBe(100);
      }
      expect(running.most).toBe(2);
      expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
    } finally {
      await server.stop();
    }
  });

  it("gives the place back when the operation fails", async () => {
    const gate = new CostGate(250);
    const { server } = serverWith(gate);
    await server.start();
    try {
      const answer = await server.executeOperation({ query: "{ failing(first: 100) { name } }" });
      expect(answer.body.kind === "single" && answer.body.singleResult.errors?.[0].message).toBe("broken");
      expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
    } finally {
      await server.stop();
    }
  });

  it("answers TIMEOUT (503) to an operation still waiting at its deadline, without running its resolver", async () => {
    const gate = new CostGate(250);
    const { server, running } = serverWith(gate, 200);
    await server.start();
    // Another large operation holds the whole capacity past the deadline.
    const held = await gate.enter(250);
    try {
      const waiting = await server.executeOperation({ query: "{ items(first: 100) { name } }" });
      expect(waiting.http.status).toBe(503);
      expect(waiting.body.kind === "single" && waiting.body.singleResult).toMatchObject({
        data: null,
        errors: [{ extensions: { code: "TIMEOUT" } }],
      });
      expect(running.most).toBe(0);
      expect(gate.state).toEqual({ running: 1, inFlight: 250, waiting: 0 });
    } finally {
      held();
      await server.stop();
    }
    expect(gate.state).toEqual({ running: 0, inFlight: 0, waiting: 0 });
  });
});
