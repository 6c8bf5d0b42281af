/**
 * The website's pages cost a bounded number of SQL statements, however much data
 * there is: each page runs one GraphQL document (two for a topic), whose DataLoaders
 * batch by relation, not by row. The pages counted are `bench:pages`' sample pages
 * (`PAGE_SAMPLES`, one per route of the site, a test checks that none is missing),
 * on the seed data and again on a larger data set: the same pages after their records
 * grew, and the sample pages chosen anew on the larger data. Every page also stays
 * within the site's size budget of 100 KB. Adding budget lines, indicators and projects
 * to a strategy does not add statements to its page.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FIELDS_OF_ACTION, MAX_STRATEGY_DECISIONS } from "../../schema/common/list-bounds.js";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { Decision } from "../../schema/decision/decision.entity.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { indicatorWithValue } from "../../schema/indicator/indicator-value.entity.js";
import { Indicator } from "../../schema/indicator/indicator.entity.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Source } from "../../schema/source/source.entity.js";
import { WorkingGroup } from "../../schema/working-group/working-group.entity.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { samplePaths } from "../../server/site/page-samples.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

/** The most statements any page may cost, on any data (the city page, the most: 23 on the seed data, 26 with every kind of record). */
const STATEMENT_BOUND = 30;
/** The most bytes an HTML page of the site may have (issue 13). */
const PAGE_BYTES = 100 * 1024;

const STRATEGY_PAGE = "/strategien/ratingen-digital-2025plus";

let hub: TestHub;

/** What one page cost. */
interface Cost {
  statements: number;
  bytes: number;
  /** Whether it is an HTML page, which the size budget is for (the schema file, the feed and exports are not). */
  html: boolean;
}

async function statements(path: string): Promise<number> {
  return (await cost(path)).statements;
}

async function cost(path: string): Promise<Cost> {
  hub.db.resetQueryCount();
  const response = await fetch(hub.origin + path);
  expect(response.status, path).toBe(200);
  const bytes = (await response.arrayBuffer()).byteLength;
  const html = (response.headers.get("content-type") ?? "").startsWith("text/html");
  return { statements: hub.db.queries.length, bytes, html };
}

/** The sample page of every route, chosen from the data as it is now. */
async function samples(): Promise<Map<string, string>> {
  return samplePaths(async (query) => {
    const { data, errors } = await hub.query(query);
    if (errors?.length || !data) throw new Error(errors?.[0]?.message ?? "no data");
    return data;
  });
}

async function costs(paths: Map<string, string>): Promise<Record<string, Cost>> {
  const result: Record<string, Cost> = {};
  for (const [route, path] of paths) result[`${route} ${path}`] = await cost(path);
  return result;
}

function expectWithinBounds(measured: Record<string, Cost>): void {
  for (const [page, { statements, bytes, html }] of Object.entries(measured)) {
    expect(statements, page).toBeLessThanOrEqual(STATEMENT_BOUND);
    if (html) expect(bytes, page).toBeLessThanOrEqual(PAGE_BYTES);
  }
}

const statementsOf = (measured: Record<string, Cost>) =>
  Object.fromEntries(Object.entries(measured).map(([page, { statements }]) => [page, statements]));

/**
 * Gives the sample city `count` more published projects (each with two topics, the sample
 * provider and a source), lessons learned (with a topic and a source), engagements of
 * new providers, council decisions and indicators (each with a source) and working groups
 * (shared with another city, with a topic and a source), numbered from `from`, and engages
 * the sample provider there unless it is.
 */
async function growCity(
  citySlug: string,
  topicKey: string,
  providerSlug: string,
  from: number,
  count: number,
): Promise<void> {
  const em = hub.db.orm.em.fork();
  const city = await em.findOneOrFail(Municipality, { slug: citySlug });
  const topics = await em.find(Topic, {}, { limit: 4, orderBy: { key: "asc" } });
  const topic = await em.findOneOrFail(Topic, { key: topicKey });
  const provider = await em.findOneOrFail(Provider, { slug: providerSlug });
  const neighbour = await em.findOneOrFail(Municipality, { slug: { $ne: citySlug } }, { orderBy: { slug: "asc" } });
  for (let i = from; i < from + count; i++) {
    const project = new Project(
      `${citySlug}-extra-${i}`,
      `Zusatzprojekt ${i}`,
      "Für die Zählung.",
      ref(city),
      ProjectStatus.PLANNED,
    );
    project.publicationState = PublicationState.PUBLISHED;
    project.topics.set([topics[i % topics.length], topic]);
    project.providers.set([provider]);
    const source = new Source(`${citySlug}-extra-source-${i}`, `Quelle ${i}`);
    source.publicationState = PublicationState.PUBLISHED;
    project.sources.set([source]);
    const lesson = new LessonLearned(
      `${citySlug}-extra-lesson-${i}`,
      `Erfahrung ${i}`,
      "Für die Zählung.",
      LessonKind.SUCCESS,
      ref(city),
    );
    lesson.publicationState = PublicationState.PUBLISHED;
    lesson.project = ref(project);
    lesson.topics.set([topic]);
    lesson.sources.set([source]);
    const other = new Provider(
      `${citySlug}-extra-provider-${i}`,
      `Zusatzanbieter ${i}`,
      ProviderKind.OTHER,
      "Für die Zählung.",
    );
    const engagement = new Engagement(ref(city), ref(other), EngagementRole.OTHER, `Auftrag ${i}`);
    engagement.publicationState = PublicationState.PUBLISHED;
    engagement.sources.set([source]);
    const decision = new Decision(
      ref(city),
      `${citySlug}-city-decision-${i}`,
      `Zusatzbeschluss ${i}`,
      "Rat",
      DecisionOutcome.ADOPTED,
    );
    decision.sources.set([source]);
    const indicator = indicatorWithValue(
      ref(city),
      `${citySlug}-city-indicator-${i}`,
      `Zusatzkennzahl ${i}`,
      "Stück",
      i,
      null,
    );
    indicator.publicationState = PublicationState.PUBLISHED;
    indicator.sources.set([source]);
    const group = new WorkingGroup(`${citySlug}-city-group-${i}`, `Zusatzarbeitsgruppe ${i}`, "Für die Zählung.");
    group.members.set([city, neighbour]);
    group.topics.set([topic]);
    group.sources.set([source]);
    em.persist([source, project, lesson, other, engagement, decision, indicator, group]);
  }
  if (!(await em.count(Engagement, { municipality: city, provider }))) {
    const engaged = new Engagement(ref(city), ref(provider), EngagementRole.IT_OPERATIONS, "Für die Zählung.");
    engaged.publicationState = PublicationState.PUBLISHED;
    em.persist(engaged);
  }
  await em.flush();
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
    const project = new Project(
      `ratingen-extra-${i}`,
      `Zusatzprojekt ${i}`,
      "Für die Zählung.",
      ref(ratingen),
      ProjectStatus.PLANNED,
    );
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
    em.persist([
      source,
      project,
      provider,
      engagement,
      ...strategyParts(ratingen, strategy, i, fieldsLeft-- > 0 ? [online, topics[i % topics.length]] : null, source),
    ]);
  }
  await em.flush();
}

/**
 * The `i`th extra budget line and indicator of `strategy`, a field of action on `fieldTopics` (null for none)
 * and a decision while the strategy has room for one, published and citing `source`.
 */
function strategyParts(city: Municipality, strategy: Strategy, i: number, fieldTopics: Topic[] | null, source: Source) {
  const line = new BudgetLine(
    ref(strategy),
    100 + i,
    2020 + (i % 5),
    "1000.50",
    BudgetCategory.OTHER,
    `Zusatzposten ${i}`,
  );
  const indicator = indicatorWithValue(
    ref(city),
    `ratingen-extra-indicator-${i}`,
    `Zusatzkennzahl ${i}`,
    "Stück",
    i,
    null,
  );
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
  const decision = new Decision(
    ref(city),
    `ratingen-extra-decision-${i}`,
    `Zusatzbeschluss ${i}`,
    "Für die Zählung.",
    DecisionOutcome.ADOPTED,
  );
  decision.sources.set([source]);
  strategy.decisions.add(decision);
  return [...parts, decision];
}

const slugOf = (path: string) => decodeURIComponent(path.split("/").pop()!);

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());

describe("statements per page", () => {
  it("are bounded on the seed data and on a larger data set, and do not grow with a page's record", async () => {
    const seedSamples = await samples();
    const onSeed = await costs(seedSamples);
    expectWithinBounds(onSeed);

    // A little data first, so that every relation a page shows has rows (an empty one costs no statement) …
    const grow = (from: number, count: number) =>
      growCity(
        slugOf(seedSamples.get("/kommunen/:slug")!),
        slugOf(seedSamples.get("/themen/:key")!),
        slugOf(seedSamples.get("/anbieter/:slug")!),
        from,
        count,
      );
    await grow(0, 2);
    await addSyntheticCities(hub.db.orm, 3, "statements-small");
    const small = await costs(seedSamples);
    expectWithinBounds(small);
    // … then much more: the same pages cost the same statements.
    await grow(2, 30);
    await addSyntheticCities(hub.db.orm, 60, "statements-large", 100);
    const grown = await costs(seedSamples);
    expect(statementsOf(grown)).toEqual(statementsOf(small));
    expectWithinBounds(grown);

    // Chosen anew, the samples may be other records (a synthetic city, another provider): within the same bound.
    const larger = await costs(await samples());
    expectWithinBounds(larger);
  });

  it("do not grow with a strategy's parts on its page", async () => {
    // One part of each kind first: a kind that is missing altogether costs no statement.
    await growRatingen(1, 100);
    const before = await statements(STRATEGY_PAGE);
    await growRatingen(30, 101);
    const page = await (await fetch(hub.origin + STRATEGY_PAGE)).text();
    for (const part of ["Zusatzposten 130", "Zusatzkennzahl 130", "Zusatzprojekt 130"]) expect(page).toContain(part);
    expect(await statements(STRATEGY_PAGE)).toBe(before);
    expect(before).toBeLessThanOrEqual(STATEMENT_BOUND);
  });
});
