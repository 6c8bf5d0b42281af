/**
 * The website's pages cost a bounded number of SQL statements, however much data a
 * record has: each page runs one GraphQL document (two for a topic), whose DataLoaders
 * batch by relation, not by row. Adding projects, lessons and engagements to a city
 * does not add statements to its page, nor to the lists and topic pages; adding budget
 * lines, indicators and projects to a strategy does not add statements to its page.
 */
import { ref } from "@mikro-orm/core";
import { MAX_FIELDS_OF_ACTION, MAX_STRATEGY_DECISIONS } from "../../schema/common/list-bounds.js";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { Decision } from "../../schema/decision/decision.entity.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Indicator } from "../../schema/indicator/indicator.entity.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Source } from "../../schema/source/source.entity.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const PAGES = ["/", "/kommunen", "/kommunen/ratingen", "/projekte/ratingen-ozg-online-services", "/anbieter", "/anbieter/krzn", "/themen", "/themen/online-services"];
const STRATEGY_PAGE = "/strategien/ratingen-digital-2025plus";

let hub: TestHub;

async function statements(path: string): Promise<number> {
  hub.db.resetQueryCount();
  const response = await fetch(hub.origin + path);
  expect(response.status, path).toBe(200);
  await response.text();
  return hub.db.queries.length;
}

async function statementsPerPage(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const path of PAGES) counts[path] = await statements(path);
  return counts;
}

/**
 * Gives Ratingen `count` more published projects (numbered from `from`) of its strategy, each with two topics, a provider and a source,
 * `count` new providers engaged by it, and its strategy `count` more budget lines and indicators, and as many more
 * fields of action and decisions as a strategy may have (the API cuts longer lists).
 */
async function growRatingen(count: number, from = 0): Promise<void> {
  const em = hub.db.orm.em.fork();
  const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
  const topics = await em.find(Topic, {}, { limit: 4, orderBy: { key: "asc" } });
  const online = await em.findOneOrFail(Topic, { key: "online-services" });
  const providers = await em.find(Provider, {}, { limit: 3, orderBy: { slug: "asc" } });
  const strategy = await em.findOneOrFail(Strategy, { slug: "ratingen-digital-2025plus" }, { populate: ["decisions"] });
  let fieldsLeft = MAX_FIELDS_OF_ACTION - (await em.count(FieldOfAction, { strategy }));
  for (let i = from; i < from + count; i++) {
    const project = new Project(`ratingen-extra-${i}`, `Zusatzprojekt ${i}`, "Für die Zählung.", ref(ratingen), ProjectStatus.PLANNED);
    project.publicationState = PublicationState.PUBLISHED;
    project.topics.set([topics[i % topics.length], online]);
    project.providers.set([providers[i % providers.length]]);
    const source = new Source(`ratingen-extra-source-${i}`, `Quelle ${i}`);
    source.publicationState = PublicationState.PUBLISHED;
    project.sources.set([source]);
    const provider = new Provider(`extra-provider-${i}`, `Zusatzanbieter ${i}`, ProviderKind.OTHER, "Für die Zählung.");
    const engagement = new Engagement(ref(ratingen), ref(provider), EngagementRole.OTHER, `Auftrag ${i}`);
    engagement.publicationState = PublicationState.PUBLISHED;
    project.strategy = ref(strategy);
    em.persist([source, project, provider, engagement, ...strategyParts(ratingen, strategy, i, fieldsLeft-- > 0 ? [online, topics[i % topics.length]] : null, source)]);
  }
  await em.flush();
}

/**
 * The `i`th extra budget line and indicator of `strategy`, a field of action on `fieldTopics` (null for none)
 * and a decision while the strategy has room for one, published and citing `source`.
 */
function strategyParts(city: Municipality, strategy: Strategy, i: number, fieldTopics: Topic[] | null, source: Source) {
  const line = new BudgetLine(ref(strategy), 100 + i, 2020 + (i % 5), "1000.50", BudgetCategory.OTHER, `Zusatzposten ${i}`);
  const indicator = new Indicator(ref(city), `ratingen-extra-indicator-${i}`, `Zusatzkennzahl ${i}`, i, "Stück");
  indicator.strategy = ref(strategy);
  const parts: (FieldOfAction | BudgetLine | Indicator)[] = [line, indicator];
  if (fieldTopics) {
    const field = new FieldOfAction(ref(strategy), 100 + i, `Zusatzfeld ${i}`);
    field.topics.set(fieldTopics);
    parts.push(field);
  }
  for (const part of parts) {
    part.publicationState = PublicationState.PUBLISHED;
    part.sources.set([source]);
  }
  if (strategy.decisions.count() >= MAX_STRATEGY_DECISIONS) return parts;
  const decision = new Decision(ref(city), `ratingen-extra-decision-${i}`, `Zusatzbeschluss ${i}`, "Für die Zählung.", DecisionOutcome.ADOPTED);
  decision.sources.set([source]);
  strategy.decisions.add(decision);
  return [...parts, decision];
}

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());

describe("statements per page", () => {
  it("do not grow with the data", async () => {
    const before = await statementsPerPage();
    await growRatingen(30);
    const after = await statementsPerPage();
    expect(after).toEqual(before);
    for (const [path, count] of Object.entries(after)) expect(count, path).toBeLessThanOrEqual(40);
  });

  it("do not grow with a strategy's parts on its page", async () => {
    // One part of each kind first: a kind that is missing altogether costs no statement.
    await growRatingen(1, 100);
    const before = await statements(STRATEGY_PAGE);
    await growRatingen(30, 101);
    const page = await (await fetch(hub.origin + STRATEGY_PAGE)).text();
    for (const part of ["Zusatzposten 130", "Zusatzkennzahl 130", "Zusatzprojekt 130"]) expect(page).toContain(part);
    expect(await statements(STRATEGY_PAGE)).toBe(before);
    expect(before).toBeLessThanOrEqual(40);
  });
});
