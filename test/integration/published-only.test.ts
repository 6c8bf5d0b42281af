/**
 * compare, similar, stats, the exports and the per-city counts show published
 * records only, for everybody: drafts and archived records stay out even for an
 * admin, whose ordinary reads include them.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { CostItem } from "../../schema/project/cost-item.entity.js";
import { CostPeriod } from "../../schema/project/cost-period.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken } from "../../schema/token/token.service.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
let adminToken: string;

const DRAFT = "kelsterbach-draft-kita-app";
const ARCHIVED = "kelsterbach-archived-kita-portal";

beforeAll(async () => {
  hub = await startTestHub();
  const em = hub.db.orm.em.fork();
  const kelsterbach = await em.findOneOrFail(Municipality, { slug: "kelsterbach" });
  const childcare = await em.findOneOrFail(Topic, { key: "childcare" });
  const krzn = await em.findOneOrFail(Provider, { slug: "krzn" });
  // A draft (the default state) and an archived project that would match Herten's Kita-Online very well.
  const draft = new Project(
    DRAFT,
    "Kita-Online mit JUGIS",
    "Online-Anmeldung für Kitas und Kindertagespflege mit JUGIS des KRZN.",
    ref(kelsterbach),
    ProjectStatus.COMPLETED,
  );
  draft.topics.set([childcare]);
  draft.providers.set([krzn]);
  expect(draft.publicationState).toBe(PublicationState.DRAFT);
  const archived = new Project(
    ARCHIVED,
    "Kita-Portal",
    "Kita-Anmeldung online.",
    ref(kelsterbach),
    ProjectStatus.COMPLETED,
  );
  archived.publicationState = PublicationState.ARCHIVED;
  archived.topics.set([childcare]);
  // A draft engagement, a draft budget line of a published strategy, and a published field of action of a draft strategy.
  const engagement = new Engagement(ref(kelsterbach), ref(krzn), EngagementRole.SOFTWARE_HOSTING, "Entwurf.");
  const hildesheimStrategy = await em.findOneOrFail(Strategy, { slug: "hildesheim-digitale-stadtverwaltung-2025" });
  const line = new BudgetLine(ref(hildesheimStrategy), 99, 2030, "999999.99", BudgetCategory.OTHER, "Entwurf.");
  const draftStrategy = new Strategy(
    "kelsterbach-draft-strategy",
    "Entwurf einer Strategie",
    ref(kelsterbach),
    hildesheimStrategy.status,
    "Entwurf.",
  );
  draftStrategy.adoptedOn = "2031";
  const field = new FieldOfAction(ref(draftStrategy), 1, "Kita digital");
  field.publicationState = PublicationState.PUBLISHED;
  field.topics.set([childcare]);
  // A published project of a draft strategy: public itself, but its strategy is not.
  const hildesheim = await em.findOneOrFail(Municipality, { slug: "hildesheim" });
  const orphan = new Project(
    "hildesheim-wohnungsboerse",
    "Wohnungsbörse",
    "Öffentliches Projekt einer Entwurfsstrategie.",
    ref(hildesheim),
    ProjectStatus.PLANNED,
  );
  orphan.publicationState = PublicationState.PUBLISHED;
  orphan.strategy = ref(draftStrategy);
  orphan.topics.set([await em.findOneOrFail(Topic, { key: "housing" })]);
  // A cost of the draft project: cost items have no state of their own, they follow their project.
  const draftCost = new CostItem(ref(draft), 0, "12345.67", CostPeriod.ANNUAL, "Lizenz (Entwurf).");
  em.persist([draft, archived, engagement, line, draftStrategy, field, orphan, draftCost]);
  await em.flush();
  adminToken = (await createToken(hub.db.orm.em.fork(), { name: "Betrieb", role: TokenRole.ADMIN })).token;
});
afterAll(() => hub?.close());

async function asAdmin(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

const callers = [
  ["anonymous", async (query: string) => (await hub.query(query)).data] as const,
  ["an admin", asAdmin] as const,
];

describe("the setup", () => {
  it("the admin does see the draft through the ordinary read API (so the checks below are not trivially true)", async () => {
    const data = await asAdmin(`{ project(slug: "${DRAFT}") { slug publicationState costs { amount } } }`);
    expect(data.project).toEqual({ slug: DRAFT, publicationState: "DRAFT", costs: [{ amount: "12345.67" }] });
    expect((await hub.query(`{ project(slug: "${DRAFT}") { slug } }`)).data!.project).toBeNull();
  });
});

describe.each(callers)("for %s", (_who, read) => {
  it("compare leaves drafts and archived records out of cells and key figures", async () => {
    const data = await read(`{ compare(municipalities: ["kelsterbach"], topics: ["childcare"]) {
      rows { cells { coverage projects { slug } fieldsOfAction { title } } }
      keyFigures { strategies { slug } fieldOfActionCount projectsByStatus { status count } providers { provider { slug } } }
    } }`);
    const cell = data.compare.rows[0].cells[0];
    expect(cell.projects.map((p: any) => p.slug)).toEqual(["kelsterbach-kindergartenverwaltung"]);
    expect(cell.fieldsOfAction).toEqual([]);
    expect(cell.coverage).toBe("IN_PROGRESS");
    const figures = data.compare.keyFigures[0];
    expect(figures.strategies.map((s: any) => s.slug)).toEqual(["kelsterbach-godigital"]);
    expect(figures.fieldOfActionCount).toBe(0);
    expect(figures.projectsByStatus).toEqual([
      { status: "COMPLETED", count: 1 },
      { status: "IN_PROGRESS", count: 5 },
      { status: "PLANNED", count: 3 },
    ]);
    expect(figures.providers.map((p: any) => p.provider.slug)).toEqual(["ekom21", "vhw"]);
  });

  it("similar never suggests a draft or archived project", async () => {
    const data = await read(`{ project(slug: "herten-kita-online") { similar(first: 20) { project { slug } } } }`);
    const slugs = data.project.similar.map((s: any) => s.project.slug);
    expect(slugs).toContain("kelsterbach-kindergartenverwaltung");
    expect(slugs).not.toContain(DRAFT);
    expect(slugs).not.toContain(ARCHIVED);
  });

  it("stats count published records only", async () => {
    const data = await read(`{ stats(filter: { municipalities: ["kelsterbach", "hildesheim"], topics: ["childcare"] }) {
      projectCount projectsByStatus { status count } providersByClients { provider { slug } state }
      strategiesByAdoptionYear { year count } budgetByYearAndCategory { year total } } }`);
    expect(data.stats.projectCount).toBe(1);
    expect(data.stats.projectsByStatus).toEqual([{ status: "IN_PROGRESS", count: 1 }]);
    expect(data.stats.providersByClients.map((p: any) => p.provider.slug)).not.toContain("krzn");
    expect(data.stats.strategiesByAdoptionYear).toEqual([]);
    const budget = await read(`{ stats { budgetByYearAndCategory { year total } } }`);
    expect(budget.stats.budgetByYearAndCategory.map((b: any) => b.year)).not.toContain(2030);
  });

  it("provider coverage counts published engagements only", async () => {
    const data = await read(`{ stats(filter: { municipalities: ["kelsterbach"] }) {
      providerCoverage { provider { slug } servedMunicipalities hubMunicipalities } } }`);
    const slugs = data.stats.providerCoverage.map((p: any) => p.provider.slug);
    expect(slugs).toEqual(["ekom21", "vhw"]);
    expect(slugs).not.toContain("krzn");
  });

  it("a draft project's cost items stay out of its cost summary, even for a caller who reads the draft", async () => {
    const data = await read(`{ projects(first: 100, filter: { municipalities: ["kelsterbach"] }) {
      nodes { slug costSummary(first: 5) { annual } } } }`);
    for (const project of data.projects.nodes) expect(project.costSummary, project.slug).toEqual([]);
    const draft = await asAdmin(`{ project(slug: "${DRAFT}") { costSummary { annual itemCount } } }`);
    expect(draft.project.costSummary).toEqual([]);
  });

  it("Topic and Provider counts leave drafts out", async () => {
    const data = await read(
      `{ provider(slug: "krzn") { clients { municipality { slug } } } topics(first: 50) { nodes { key municipalities(first: 20) { municipality { slug } fieldsOfAction projects } } } }`,
    );
    expect(data.provider.clients.map((c: any) => c.municipality.slug)).toEqual(["herten"]);
    const childcare = data.topics.nodes.find((t: any) => t.key === "childcare");
    expect(childcare.municipalities.find((m: any) => m.municipality.slug === "kelsterbach")).toMatchObject({
      fieldsOfAction: 0,
      projects: 1,
    });
  });
});

describe("exports", () => {
  it("leave drafts and archived projects out, with or without a token", async () => {
    const headerSets: Record<string, string>[] = [{}, { authorization: `Bearer ${adminToken}` }];
    for (const headers of headerSets) {
      const csv = await (
        await fetch(`${hub.origin}/export/projects.csv?municipalities=kelsterbach`, { headers })
      ).text();
      expect(csv).toContain("kelsterbach-kindergartenverwaltung");
      expect(csv).not.toContain(DRAFT);
      expect(csv).not.toContain(ARCHIVED);
      const json = (await (await fetch(`${hub.origin}/export/projects.json?topics=childcare`, { headers })).json()) as {
        projects: { slug: string }[];
      };
      expect(json.projects.map((p) => p.slug).sort()).toEqual([
        "herten-kita-online",
        "kelsterbach-kindergartenverwaltung",
      ]);
      const orphan = (await (
        await fetch(`${hub.origin}/export/projects.json?topics=housing&municipalities=hildesheim`, { headers })
      ).json()) as {
        projects: { slug: string; strategy: string | null }[];
      };
      expect(orphan.projects).toEqual([expect.objectContaining({ slug: "hildesheim-wohnungsboerse", strategy: null })]);
      const strategies = await (await fetch(`${hub.origin}/export/strategies.csv`, { headers })).text();
      expect(strategies).not.toContain("kelsterbach-draft-strategy");
      expect(strategies).not.toContain("999999");
    }
  });
});
