/**
 * Timings of compare, similar and stats on the seed data plus 200 synthetic
 * cities (1,200 more projects). Run with `npm run bench:compare`; it prints
 * figures and asserts nothing.
 */
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
let cities: string[] = [];

beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
  cities = await addSyntheticCities(hub.db.orm, 200, "bench");
}, 300_000);
afterAll(() => hub?.close());

async function must(query: string, variables?: Record<string, unknown>): Promise<void> {
  const res = await hub.query(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

describe("with 204 cities and 1,236 projects", () => {
  bench("compare 20 cities, all topics, with key figures", async () => {
    await must(
      `query($m: [String!]!) { compare(municipalities: $m) { rows { topic { key } cells { coverage projects { slug } fieldsOfAction { title } } }
        keyFigures { population fieldOfActionCount projectsByStatus { status count } budgetByYear { year total } providers { provider { slug } roles } indicators { value } } } }`,
      { m: ["ratingen", "herten", "kelsterbach", "hildesheim", ...cities.slice(0, 16)] },
    );
  });

  bench("similar (5 each) for a page of 100 projects", async () => {
    await must(`{ projects(first: 100) { nodes { slug similar { score reasons project { slug } } } } }`);
  });

  bench("stats, every figure, unfiltered", async () => {
    await must(`{ stats { projectCount projectsByTopicAndState { topic { key } state count } projectsByStatus { status count }
      providersByClients { provider { slug } state clients share } strategiesByAdoptionYear { year count } budgetByYearAndCategory { year category total } } }`);
  });

  bench("GET /export/projects.csv, everything", async () => {
    const response = await fetch(`${hub.origin}/export/projects.csv`);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    await response.arrayBuffer();
  });
});
