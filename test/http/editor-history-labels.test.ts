/**
 * The history of every record kind an editor writes (issue 14), readable in German: each kind is created, edited and
 * published through the API with every field it has, and the set of fields its revisions hold is read from those
 * revisions; the history page must name each field in German and show values as an editor reads them: no raw API
 * field name, no enum constant, no JSON, dates in German.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { EditorBrowser } from "../support/editor-browser.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const STRATEGY = "herten-verlauf-strategie";

/** One record kind: its form's URL segment, its create and update mutations and inputs, and how its URL names it. */
interface Case {
  segment: string;
  type: string;
  create: (refs: Refs) => { input: Record<string, unknown>; inputType: string };
  update: (refs: Refs) => Record<string, unknown>;
  key: "slug" | "key" | "id";
}

/** Records of the seed (and of this test) that inputs cite. */
interface Refs {
  source: string;
  otherSource: string;
  topic: string;
  otherTopic: string;
  provider: string;
  otherProvider: string;
  product: string;
  decision: string;
}

const CASES: Case[] = [
  {
    segment: "quellen",
    type: "Source",
    key: "key",
    create: () => ({
      inputType: "CreateSourceInput",
      input: {
        municipality: "herten",
        key: "herten-verlauf-quelle",
        title: "Ratsvorlage",
        author: "Amt 10",
        publisher: "Stadt Herten",
        publishedOn: "2023-05-17",
        url: "https://example.org/vorlage",
        note: "Erste Fassung.",
      },
    }),
    update: () => ({ title: "Ratsvorlage 2023", publishedOn: "2023-06", author: null, note: "Zweite Fassung." }),
  },
  {
    segment: "beschluesse",
    type: "Decision",
    key: "key",
    create: ({ source }) => ({
      inputType: "CreateDecisionInput",
      input: {
        municipality: "herten",
        key: "verlauf-beschluss",
        title: "Beschluss zur Strategie",
        body: "Rat der Stadt Herten",
        reference: "20/281",
        date: "2020-11-28",
        outcome: "ADOPTED_WITH_CHANGES",
        description: "Die Strategie wurde beschlossen.",
        sources: [source],
        note: "Aus der Niederschrift.",
      },
    }),
    update: ({ otherSource }) => ({
      outcome: "DEFERRED",
      date: "2020-12",
      sources: [otherSource],
      reference: "20/282",
    }),
  },
  {
    segment: "strategien",
    type: "Strategy",
    key: "slug",
    create: ({ source, provider, decision }) => ({
      inputType: "CreateStrategyInput",
      input: {
        municipality: "herten",
        slug: STRATEGY,
        title: "Verlaufsstrategie",
        summary: "Eine Strategie für den Verlauf.",
        vision: "Digital für alle",
        status: "IN_PREPARATION",
        statusAsOf: "2020-01",
        presentedOn: "2020-02-03",
        horizon: 2030,
        consultants: [provider],
        decisions: [decision],
        sources: [source],
        note: "Entwurf.",
      },
    }),
    update: ({ otherProvider }) => ({
      status: "IN_IMPLEMENTATION",
      adoptedOn: "2020-11-28",
      horizon: 2035,
      consultants: [otherProvider],
    }),
  },
  {
    segment: "projekte",
    type: "Project",
    key: "slug",
    create: ({ source, topic, provider, product }) => ({
      inputType: "CreateProjectInput",
      input: {
        municipality: "herten",
        slug: "herten-verlauf-projekt",
        title: "Verlaufsprojekt",
        summary: "Ein Projekt für den Verlauf.",
        status: "PLANNED",
        statusAsOf: "2024-05-02",
        startedOn: "2023",
        plannedEndOn: "2026-06",
        topics: [topic],
        providers: [provider],
        products: [product],
        partners: ["ratingen"],
        sources: [source],
        costs: [
          { amount: "124500.00", kind: "COST", period: "ONE_OFF", description: "Lizenzen", sources: [source] },
          {
            amount: "-2000.50",
            currency: "EUR",
            kind: "DIFFERENCE",
            period: "ANNUAL",
            description: "Wartung",
            note: "Einsparung",
          },
        ],
        note: "Erste Fassung.",
      },
    }),
    update: ({ otherTopic, product }) => ({
      status: "IN_PROGRESS",
      completedOn: "2025-03-31",
      topics: [otherTopic],
      strategy: STRATEGY,
      replacedProducts: [product],
      costs: [{ amount: "130000.00", kind: "COMPARISON", period: "TOTAL", description: "Lizenzen" }],
    }),
  },
  {
    segment: "erfahrungen",
    type: "LessonLearned",
    key: "slug",
    create: ({ source, topic }) => ({
      inputType: "CreateLessonInput",
      input: {
        municipality: "herten",
        slug: "herten-verlauf-erfahrung",
        title: "Früh beteiligen",
        body: "Die Kitas früh beteiligen.",
        kind: "PITFALL",
        topics: [topic],
        sources: [source],
      },
    }),
    update: () => ({ kind: "RECOMMENDATION", project: "herten-verlauf-projekt" }),
  },
  {
    segment: "beauftragungen",
    type: "Engagement",
    key: "id",
    create: ({ provider, source }) => ({
      inputType: "CreateEngagementInput",
      input: {
        municipality: "herten",
        provider,
        role: "IT_OPERATIONS",
        since: "2018-04",
        description: "Betreibt die Server.",
        sources: [source],
      },
    }),
    update: ({ otherSource }) => ({ since: "2018-04-01", sources: [otherSource], note: "Laut Vertrag." }),
  },
  {
    segment: "handlungsfelder",
    type: "FieldOfAction",
    key: "id",
    create: ({ topic, source }) => ({
      inputType: "CreateFieldOfActionInput",
      input: {
        strategy: STRATEGY,
        title: "Bildung",
        description: "Schulen und Kitas.",
        position: 1,
        topics: [topic],
        sources: [source],
      },
    }),
    update: ({ otherTopic }) => ({ title: "Bildung und Betreuung", topics: [otherTopic] }),
  },
  {
    segment: "haushaltsposten",
    type: "BudgetLine",
    key: "id",
    create: ({ source }) => ({
      inputType: "CreateBudgetLineInput",
      input: {
        strategy: STRATEGY,
        year: 2024,
        amount: "100000.00",
        category: "INVESTMENT",
        description: "Server",
        sources: [source],
        note: "Plan.",
      },
    }),
    update: () => ({ category: "ANNUAL_FEE", amount: "1234.56", year: 2025 }),
  },
  {
    segment: "kennzahlen",
    type: "Indicator",
    key: "key",
    create: ({ source }) => ({
      inputType: "CreateIndicatorInput",
      input: {
        municipality: "herten",
        key: "verlauf-kennzahl",
        name: "Digitale Prozesse",
        unit: "Prozesse",
        betterWhen: "HIGHER",
        definition: "Gezählt werden Prozesse.",
        strategy: STRATEGY,
        values: [
          { value: 12, asOf: "2023", sources: [source] },
          { value: 20.5, asOf: "2024-06-30", note: "Vorläufig" },
        ],
        sources: [source],
        note: "Aus dem Bericht.",
      },
    }),
    update: () => ({ betterWhen: "LOWER", values: [{ value: 25, asOf: "2025-01" }] }),
  },
];

/** The cells of the history's change tables: each row's header, and its before and after cells' text. */
function changeRows(html: string): { header: string; cells: string[] }[] {
  return [...html.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((row) => ({
    header: row[1],
    cells: [...row[2].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, " ")),
  }));
}

describe("the history of every record kind, in German", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let refs: Refs;
  let enumValues: Set<string>;

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await gql(hub, query, variables, tokens.editors.herten);
    expect(answer.errors, `${query.slice(0, 80)} ${JSON.stringify(answer.errors)}`).toBeUndefined();
    return answer.data!;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const seed = await api(`{
      sources(first: 2) { nodes { key } } topics(first: 2) { nodes { key } }
      providers(first: 2) { nodes { slug products(first: 1) { slug } } }
      products: providers(first: 100) { nodes { products(first: 1) { slug } } }
      __schema { types { kind enumValues { name } } }
    }`);
    const product = seed.products.nodes.flatMap((p: { products: { slug: string }[] }) => p.products)[0].slug;
    refs = {
      source: seed.sources.nodes[0].key,
      otherSource: seed.sources.nodes[1].key,
      topic: seed.topics.nodes[0].key,
      otherTopic: seed.topics.nodes[1].key,
      provider: seed.providers.nodes[0].slug,
      otherProvider: seed.providers.nodes[1].slug,
      product,
      decision: "verlauf-beschluss",
    };
    enumValues = new Set(
      seed.__schema.types
        .filter((type: { kind: string }) => type.kind === "ENUM")
        .flatMap((type: { enumValues: { name: string }[] }) => type.enumValues.map((value) => value.name)),
    );
  });
  afterAll(() => hub?.close());

  it.each(CASES)("$type: every revision field has a German label, every value reads as German", async (kind) => {
    const { input, inputType } = kind.create(refs);
    const created = await api(
      `mutation($input: ${inputType}!) { record: create${kind.type}(input: $input) { id version slug: ${kind.key} } }`,
      { input },
    );
    const { id, version } = created.record;
    const key = created.record.slug;
    const updateType = kind.type === "LessonLearned" ? "LessonInput" : `${kind.type}Input`;
    const updated = await api(
      `mutation($id: ID!, $version: Int!, $input: ${updateType}!) { record: update${kind.type}(id: $id, version: $version, input: $input) { version } }`,
      { id, version, input: kind.update(refs) },
    );
    // Publishing adds the state's change; a kind that cannot be published yet keeps its two revisions.
    await gql(
      hub,
      `mutation($id: ID!) { publish${kind.type}(id: $id, version: ${updated.record.version}) { version } }`,
      { id },
      tokens.editors.herten,
    );
    const revisions = await api(
      `query($id: ID!) { node(id: $id) { ... on ${kind.type} { revisions(first: 100) { changes { field before after } } } } }`,
      { id },
    );
    const fields = new Set<string>(
      revisions.node.revisions.flatMap((revision: { changes: { field: string }[] }) =>
        revision.changes.map((change) => change.field),
      ),
    );
    expect(fields.size, kind.type).toBeGreaterThan(3);

    const browser = new EditorBrowser(hub.origin);
    expect((await browser.signIn(tokens.editors.herten)).status).toBe(303);
    const page = await browser.request(`/meine-kommune/${kind.segment}/${encodeURIComponent(key)}/verlauf`);
    expect(page.status, kind.type).toBe(200);
    const rows = changeRows(page.text);
    const problems: string[] = [];
    const headers = new Set(rows.map((row) => row.header));
    for (const field of fields) if (headers.has(field)) problems.push(`raw field name ${field}`);
    for (const header of headers) if (!/^[A-ZÄÖÜ]/.test(header)) problems.push(`field header ${header}`);
    for (const { header, cells } of rows)
      for (const cell of cells) {
        const constants = (cell.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []).filter((word) => enumValues.has(word));
        if (constants.length) problems.push(`${header}: enum constant ${constants.join(" ")} in ${cell}`);
        if (/[{}]|&quot;|"/.test(cell)) problems.push(`${header}: JSON in ${cell}`);
        if (/(^|[\s,(])\d{4}-\d{2}(-\d{2})?(?=$|[\s,);])/.test(cell)) problems.push(`${header}: ISO date in ${cell}`);
      }
    expect(problems, kind.type).toEqual([]);
  });
});
