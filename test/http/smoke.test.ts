import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe("smoke", () => {
  it("lists the four seeded municipalities", async () => {
    const res = await hub.query("{ municipalities { totalCount nodes { slug } } }");
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipalities.nodes.map((m: { slug: string }) => m.slug)).toEqual([
      "herten",
      "hildesheim",
      "kelsterbach",
      "ratingen",
    ]);
  });
});
