/**
 * `Project.costSummary` against the seeded database: it sums `COST` items only, per currency and period as its
 * descriptions say, from published projects only, in one statement for all projects of a request.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { CostItem } from "../../schema/project/cost-item.entity.js";
import { CostKind } from "../../schema/project/cost-kind.enum.js";
import { CostPeriod } from "../../schema/project/cost-period.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;

const SUMMARY = /* GraphQL */ `
  fragment Summary on CostSummary {
    currency
    itemCount
    oneOff
    oneOffItemCount
    annual
    annualItemCount
    overStatedTerms
    overStatedTermsItemCount
  }
`;

const MIXED = "herten-kosten-gemischt";

beforeAll(async () => {
  hub = await startTestHub();
  // A published project with items of every period and kind, in two currencies: the seed has only annual and total ones.
  const em = hub.db.orm.em.fork();
  const herten = await em.findOneOrFail(Municipality, { slug: "herten" });
  const mixed = new Project(MIXED, "Kosten gemischt", "Testprojekt.", ref(herten), ProjectStatus.PLANNED);
  mixed.publicationState = PublicationState.PUBLISHED;
  const items: [string, CostPeriod, CostKind, string][] = [
    ["1000.50", CostPeriod.ONE_OFF, CostKind.COST, "EUR"],
    ["120.00", CostPeriod.ANNUAL, CostKind.COST, "EUR"],
    ["10.01", CostPeriod.MONTHLY, CostKind.COST, "EUR"],
    ["5000.00", CostPeriod.TOTAL, CostKind.COST, "EUR"],
    ["99.00", CostPeriod.MONTHLY, CostKind.COMPARISON, "EUR"],
    ["7.00", CostPeriod.ONE_OFF, CostKind.DIFFERENCE, "EUR"],
    ["300.00", CostPeriod.ANNUAL, CostKind.COST, "CHF"],
  ];
  em.persist(mixed);
  items.forEach(([amount, period, kind, currency], position) => {
    const item = new CostItem(ref(mixed), position, amount, period, "Test");
    item.kind = kind;
    item.currency = currency;
    em.persist(item);
  });
  await em.flush();
});
afterAll(() => hub?.close());

async function read(query: string) {
  const res = await hub.query(query + SUMMARY);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const cents = (amount: string) => BigInt(amount.replace(".", ""));
const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;

describe("Project.costSummary", () => {
  it("gives Herten's Kita-Online the sum of its annual COST items, without comparison values and differences", async () => {
    const seeded = seedData.cities.flatMap((c) => c.projects).find((p) => p.slug === "herten-kita-online")!;
    const annualCosts = seeded.costs.filter((c) => c.kind === CostKind.COST && c.period === CostPeriod.ANNUAL);
    const others = seeded.costs.filter((c) => c.kind !== CostKind.COST);
    // Not trivially true: the seed has comparison values and differences that would change the sums.
    expect(others.some((c) => c.period === CostPeriod.ANNUAL)).toBe(true);
    expect(others.some((c) => c.period === CostPeriod.TOTAL)).toBe(true);
    const expected = decimal(annualCosts.reduce((sum, c) => sum + cents(c.amount), 0n));
    const data = await read(`{ project(slug: "herten-kita-online") { costSummary { ...Summary } } }`);
    expect(data.project.costSummary).toEqual([
      {
        currency: "EUR",
        itemCount: seeded.costs.filter((c) => c.kind === CostKind.COST).length,
        oneOff: null,
        oneOffItemCount: 0,
        annual: expected,
        annualItemCount: annualCosts.length,
        overStatedTerms: null,
        overStatedTermsItemCount: 0,
      },
    ]);
  });

  it("adds monthly items twelve times to the annual sum, keeps one-off and stated-term sums apart, per currency", async () => {
    const data = await read(`{ project(slug: "${MIXED}") { costSummary { ...Summary } } }`);
    expect(data.project.costSummary).toEqual([
      {
        currency: "CHF",
        itemCount: 1,
        oneOff: null,
        oneOffItemCount: 0,
        annual: "300.00",
        annualItemCount: 1,
        overStatedTerms: null,
        overStatedTermsItemCount: 0,
      },
      {
        currency: "EUR",
        itemCount: 4,
        oneOff: "1000.50",
        oneOffItemCount: 1,
        annual: "240.12",
        annualItemCount: 2,
        overStatedTerms: "5000.00",
        overStatedTermsItemCount: 1,
      },
    ]);
  });

  it("is empty for a project without COST items", async () => {
    const seeded = seedData.cities.flatMap((c) => c.projects).find((p) => p.costs.length === 0)!;
    const data = await read(`{ project(slug: "${seeded.slug}") { costSummary { ...Summary } } }`);
    expect(data.project.costSummary).toEqual([]);
  });

  it("costs one statement for all projects of a request", async () => {
    const list = (withSummary: boolean) =>
      `{ projects(first: 50, filter: { municipalities: ["herten"] }) { nodes { slug ${withSummary ? "costSummary(first: 5) { ...Summary }" : ""} } } }`;
    hub.db.resetQueryCount();
    await hub.query(list(false));
    const without = hub.db.queries.length;
    hub.db.resetQueryCount();
    const data = await read(list(true));
    expect(hub.db.queries.length).toBe(without + 1);
    const summed = data.projects.nodes.filter((p: any) => p.costSummary.length > 0).map((p: any) => p.slug);
    expect(summed).toEqual(expect.arrayContaining(["herten-kita-online", MIXED]));
  });
});
