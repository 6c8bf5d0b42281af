/**
 * Executes every `.graphql` file under `client-examples/` against a hub on the seeded
 * database, so that the examples cannot rot. A new file is picked up automatically and
 * must at least be a documented, runnable, error-free operation; the examples listed in
 * `answers` below are also checked for what they answer.
 *
 * Variables of an example: the defaults declared in the file, overridden by a sibling
 * `<name>.variables.json` if there is one. Values that only exist at run time (global
 * ids) are supplied by the example's `runtimeVariables` below.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

const EXAMPLES_DIR = fileURLToPath(new URL("../../client-examples/", import.meta.url));
const README = path.join(EXAMPLES_DIR, "README.md");

type Variables = Record<string, unknown>;
type Data = Record<string, any>;

/** One discovered example file. */
interface Example {
  /** Path relative to `client-examples/`, with forward slashes, e.g. `ikz/e-file-cities.graphql`. */
  file: string;
  source: string;
  /** Contents of the sibling `<name>.variables.json`, if any. */
  variablesFile: Variables | null;
}

/** Every `.graphql` file under `client-examples/`, recursively, sorted. */
function discoverExamples(): Example[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR, { recursive: true, encoding: "utf8" })
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const absolute = path.join(EXAMPLES_DIR, file);
      const variablesPath = absolute.replace(/\.graphql$/, ".variables.json");
      return {
        file,
        source: readFileSync(absolute, "utf8"),
        variablesFile: existsSync(variablesPath)
          ? (JSON.parse(readFileSync(variablesPath, "utf8")) as Variables)
          : null,
      };
    });
}

const examples = discoverExamples();

let hub: TestHub;
/** A Herten editor's token: mutation examples run as the editor they are written for. */
let editor: string;
beforeAll(async () => {
  hub = await startTestHub();
  editor = (await createTestTokens(hub.db.orm)).editors.herten;
});
afterAll(() => hub?.close());

/** The example's operation, which the static checks require to be the only one. */
function operationOf(example: Example): OperationDefinitionNode {
  const operations = parse(example.source).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1)
    throw new Error(`${example.file}: expected exactly one operation, found ${operations.length}`);
  return operations[0];
}

function example(file: string): Example {
  const found = examples.find((e) => e.file === file);
  if (!found) throw new Error(`client-examples/${file} is missing`);
  return found;
}

/**
 * Runs an example as a client would: the file's text, its variables file (if any), runtime
 * variables and the test's overrides. Fails on any GraphQL error; returns `data`.
 */
/** Sends an example as its client would: a mutation with a Herten editor's token, a query anonymously. */
async function send(file: string, overrides: Variables = {}) {
  const ex = example(file);
  const runtime = (await answers[file]?.runtimeVariables?.resolve(hub)) ?? {};
  const variables = { ...(ex.variablesFile ?? {}), ...runtime, ...overrides };
  const res =
    operationOf(ex).operation === "mutation"
      ? await gql(hub, ex.source, variables, editor)
      : await hub.query(ex.source, Object.keys(variables).length ? variables : undefined);
  return { res, variables };
}

async function run(file: string, overrides: Variables = {}): Promise<Data> {
  const { res, variables } = await send(file, overrides);
  expect(res.errors, `${file} with ${JSON.stringify(variables)}`).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.data).toBeTruthy();
  return res.data!;
}

/** Exact sum of decimal strings such as `"8400.00"`, in cents. */
function sumDecimals(amounts: string[]): string {
  const cents = amounts.reduce((acc, amount) => {
    expect(amount).toMatch(/^\d+\.\d{2}$/);
    return acc + BigInt(amount.replace(".", ""));
  }, 0n);
  const digits = cents.toString().padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const slugs = (items: { slug: string }[]) => items.map((item) => item.slug);
const sortedSlugs = (items: { slug: string }[]) => slugs(items).sort();

/** Code-unit order, which slugs and statuses sort by. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** German order (ICU `de`), which names and titles sort by. */
const byGerman = new Intl.Collator("de").compare;

const ALL_PROJECT_SLUGS = seedData.cities.flatMap((c) => c.projects.map((p) => p.slug));

/**
 * Follows `pageInfo.endCursor` through every page of the pagination example and returns
 * the edges in the order received, checking the page info of each page on the way.
 */
async function readAllPages(
  variables: Variables,
): Promise<{ totalCount: number; edges: { cursor: string; node: Data }[]; pages: number; pageSize: number }> {
  const edges: { cursor: string; node: Data }[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pageSize = -1;
  for (let pages = 1; pages <= 50; pages++) {
    const data = await run("ikz/paginate-projects.graphql", { ...variables, after });
    const connection = data.projects;
    if (totalCount === -1) totalCount = connection.totalCount;
    expect(connection.totalCount, "totalCount is the same on every page").toBe(totalCount);
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
    // Every page but the last is full: `first` items, or the file's default when not given.
    if (pageSize === -1) pageSize = connection.edges.length;
    if (connection.pageInfo.hasNextPage)
      expect(connection.edges).toHaveLength((variables.first as number | undefined) ?? pageSize);
    edges.push(...connection.edges);
    if (!connection.pageInfo.hasNextPage) return { totalCount, edges, pages, pageSize };
    after = connection.pageInfo.endCursor;
  }
  throw new Error("pagination did not end within 50 pages");
}

interface AnswerCheck {
  /** Variables that exist only at run time, e.g. a global id to look up: their names and how to get them. */
  runtimeVariables?: { names: string[]; resolve: (hub: TestHub) => Promise<Variables> };
  /** The example shows a refused write: it answers errors and no data instead of running without errors. */
  refused?: true;
  /** Named checks of what the example answers; each becomes one test. */
  checks: Record<string, () => Promise<void>>;
}

/** Answer checks of the known examples, keyed by path relative to `client-examples/`. */
const answers: Record<string, AnswerCheck> = {
  "editor/update-project-by-slug.graphql": {
    runtimeVariables: {
      names: ["version"],
      resolve: async (hub) => ({
        version: (await hub.query(`{ project(slug: "herten-kita-online") { version } }`)).data!.project.version,
      }),
    },
    checks: {
      "changes the project named by its slug and raises its version": async () => {
        const before = (await hub.query(`{ project(slug: "herten-kita-online") { version } }`)).data!.project.version;
        const { updateProject } = await run("editor/update-project-by-slug.graphql", { note: "Per Slug geändert." });
        expect(updateProject).toEqual({ slug: "herten-kita-online", version: before + 1, note: "Per Slug geändert." });
      },
    },
  },
  "editor/create-decision.graphql": {
    checks: {
      "records a draft the public does not see, which its editor then publishes by key": async () => {
        // Another key than the default's: the example itself has already run (keys are unique in a city).
        const key = "24-002-rat-2024-03-06";
        const { createDecision } = await run("editor/create-decision.graphql", { key });
        expect(createDecision).toEqual({ key, publicationState: "DRAFT", version: 1 });
        const cityDecisions = async () =>
          (
            await hub.query(`{ municipality(slug: "herten") { decisions(first: 100) { key } } }`)
          ).data!.municipality.decisions.map((decision: Data) => decision.key);
        expect(await cityDecisions()).not.toContain(key);
        const published = await gql(
          hub,
          `mutation($key: String!) { publishDecision(key: $key) { publicationState } }`,
          { key },
          editor,
        );
        expect(published.data!.publishDecision.publicationState).toBe("PUBLISHED");
        expect(await cityDecisions()).toContain(key);
      },
    },
  },
  "editor/create-project-all-problems.graphql": {
    refused: true,
    checks: {
      "answers all four mistakes in one error, each at its path, and saves nothing": async () => {
        const { res } = await send("editor/create-project-all-problems.graphql");
        expect(res.data?.createProject ?? null).toBeNull();
        expect(res.errors).toHaveLength(1);
        const { code, fields, problems } = res.errors![0].extensions as Data;
        expect(code).toBe("BAD_USER_INPUT");
        expect(problems.map((problem: Data) => problem.path)).toEqual([
          "input.slug",
          "input.title",
          "input.sources[0]",
          "input.topics[1]",
        ]);
        expect(fields).toEqual(problems.map((problem: Data) => problem.path));
        const saved = await hub.query(
          `{ projects(filter: { municipalities: ["herten"] }, first: 100) { nodes { title } } }`,
        );
        expect(saved.data!.projects.nodes.map((p: Data) => p.title)).not.toContain(" ");
      },
    },
  },
  "ikz/e-file-cities.graphql": {
    checks: {
      "lists exactly Herten's digital mail room idea and Kelsterbach's e-file project": async () => {
        const { projects } = await run("ikz/e-file-cities.graphql");
        expect(projects.totalCount).toBe(2);
        expect(projects.nodes.map((p: Data) => [p.slug, p.municipality.slug, p.status])).toEqual([
          ["herten-digitale-poststelle", "herten", "IDEA"],
          ["kelsterbach-e-akte", "kelsterbach", "IN_PROGRESS"],
        ]);
      },
      "gives Kelsterbach's e-Akte project with dates, lesson and source": async () => {
        const { projects } = await run("ikz/e-file-cities.graphql");
        const eAkte = projects.nodes.find((p: Data) => p.slug === "kelsterbach-e-akte");
        expect(eAkte).toMatchObject({
          title: "Einführung der e-Akte und des elektronischen Posteingangs",
          status: "IN_PROGRESS",
          startedOn: "2022-07",
          plannedEndOn: "2023-12",
          completedOn: null,
          providers: [],
          partners: [],
          municipality: { slug: "kelsterbach", name: "Kelsterbach", state: "HE" },
        });
        expect(eAkte.lessons).toEqual([
          {
            slug: "kelsterbach-aktenplan-mit-jedem-team",
            kind: "PITFALL",
            title: "E-Akte: Der Aktenplan muss mit jedem Team einzeln abgestimmt werden",
          },
        ]);
        expect(eAkte.sources.map((s: Data) => s.key)).toEqual(["kelsterbach-aktuell-2023-10"]);
      },
      "says with whom the e-file cities work (engagements)": async () => {
        const { projects } = await run("ikz/e-file-cities.graphql");
        const partnersOf = (slug: string) =>
          projects.nodes
            .find((p: Data) => p.municipality.slug === slug)
            .municipality.engagements.map((e: Data) => `${e.provider.slug} ${e.role} ${e.since}`)
            .sort();
        expect(partnersOf("kelsterbach")).toEqual(["ekom21 CONSULTING null", "vhw TRAINING 2021-05"]);
        expect(partnersOf("herten")).toEqual([
          "hertener-stadtwerke PARTNER 2018",
          "hertener-stadtwerke SOFTWARE_HOSTING null",
          "krzn SOFTWARE_HOSTING null",
          "prosoz-herten PARTNER 2018",
          "software-beratung-meinhard SOFTWARE_SUPPLY null",
        ]);
      },
      "adds the e-file lessons, including Hildesheim's lesson without a project": async () => {
        const { lessons } = await run("ikz/e-file-cities.graphql");
        expect(lessons.totalCount).toBe(2);
        expect(lessons.nodes.map((l: Data) => [l.slug, l.kind, l.municipality.slug, l.project?.slug ?? null])).toEqual([
          ["hildesheim-anschubfinanzierung", "PITFALL", "hildesheim", null],
          ["kelsterbach-aktenplan-mit-jedem-team", "PITFALL", "kelsterbach", "kelsterbach-e-akte"],
        ]);
      },
    },
  },

  "ikz/hildesheim-budget.graphql": {
    checks: {
      "gives exactly the four budget lines of 2021 and 2022": async () => {
        const { municipality } = await run("ikz/hildesheim-budget.graphql");
        expect(municipality.name).toBe("Hildesheim");
        const lines = municipality.strategies.flatMap((s: Data) =>
          s.budget.map((b: Data) => [b.year, b.category, b.amount]),
        );
        expect(lines).toEqual([
          [2021, "EXPENSE", "124500.00"],
          [2021, "INVESTMENT", "420000.00"],
          [2022, "EXPENSE", "87000.00"],
          [2022, "INVESTMENT", "133000.00"],
        ]);
      },
      "puts the lines on the strategy „Digitale Stadtverwaltung 2025“ with their source": async () => {
        const { municipality } = await run("ikz/hildesheim-budget.graphql");
        const withBudget = municipality.strategies.filter((s: Data) => s.budget.length > 0);
        expect(withBudget.map((s: Data) => s.slug)).toEqual(["hildesheim-digitale-stadtverwaltung-2025"]);
        expect(withBudget[0].title).toBe("Digitale Stadtverwaltung 2025");
        for (const line of withBudget[0].budget)
          expect(line.sources.map((s: Data) => s.key)).toEqual(["hildesheim-vorlage-20-281"]);
        // 2021: 124,500 + 420,000 = 544,500 EUR; 2022: 87,000 + 133,000 = 220,000 EUR, as the notes say.
        const byYear = (year: number) =>
          sumDecimals(withBudget[0].budget.filter((b: Data) => b.year === year).map((b: Data) => b.amount));
        expect([byYear(2021), byYear(2022)]).toEqual(["544500.00", "220000.00"]);
      },
    },
  },

  "ikz/providers-and-clients.graphql": {
    checks: {
      "shows regio iT serving Ratingen, ekom21 Kelsterbach and KRZN Herten": async () => {
        const { providers } = await run("ikz/providers-and-clients.graphql");
        const provider = (slug: string) => providers.nodes.find((p: Data) => p.slug === slug);
        const clients = (slug: string) =>
          provider(slug)
            .engagements.map((e: Data) => `${e.municipality.slug} ${e.role} ${e.since}`)
            .sort();
        expect(provider("regio-it")).toMatchObject({
          name: "regio iT",
          kind: "MUNICIPAL_IT_SERVICE_PROVIDER",
          seat: "Aachen",
          statesServed: ["NW"],
        });
        expect(clients("regio-it")).toEqual(["ratingen CONSULTING null", "ratingen IT_OPERATIONS 2020"]);
        expect(provider("ekom21")).toMatchObject({ seat: "Gießen", statesServed: ["HE"] });
        expect(clients("ekom21")).toEqual(["kelsterbach CONSULTING null"]);
        expect(provider("krzn")).toMatchObject({ name: "KRZN", seat: "Kamp-Lintfort", statesServed: ["NW"] });
        expect(clients("krzn")).toEqual(["herten SOFTWARE_HOSTING null"]);
      },
      "lists all 12 providers with exactly the 15 seeded engagements": async () => {
        const { providers } = await run("ikz/providers-and-clients.graphql");
        expect(providers.totalCount).toBe(12);
        expect(providers.nodes).toHaveLength(12);
        const all = providers.nodes
          .flatMap((p: Data) => p.engagements.map((e: Data) => `${p.slug}>${e.municipality.slug} ${e.role} ${e.since}`))
          .sort();
        expect(all).toEqual([
          "ekom21>kelsterbach CONSULTING null",
          "hertener-stadtwerke>herten PARTNER 2018",
          "hertener-stadtwerke>herten SOFTWARE_HOSTING null",
          "inwest>ratingen PARTNER null",
          "kommitt-ratingen>ratingen INFRASTRUCTURE null",
          "kommitt-ratingen>ratingen PARTNER null",
          "krzn>herten SOFTWARE_HOSTING null",
          "prosoz-herten>herten PARTNER 2018",
          "ratingen-marketing>ratingen PARTNER null",
          "regio-it>ratingen CONSULTING null",
          "regio-it>ratingen IT_OPERATIONS 2020",
          "software-beratung-meinhard>herten SOFTWARE_SUPPLY null",
          "stadtwerke-ratingen>ratingen PARTNER null",
          "unity-ag>hildesheim CONSULTING 2019-12",
          "vhw>kelsterbach TRAINING 2021-05",
        ]);
      },
      "narrows to municipal IT service providers with the kinds variable": async () => {
        const { providers } = await run("ikz/providers-and-clients.graphql", {
          kinds: ["MUNICIPAL_IT_SERVICE_PROVIDER"],
        });
        expect(providers.totalCount).toBe(3);
        expect(sortedSlugs(providers.nodes)).toEqual(["ekom21", "krzn", "regio-it"]);
      },
    },
  },

  "ikz/kita-software.graphql": {
    checks: {
      "finds Herten's Kita-Online/JUGIS and Kelsterbach's kindergarten administration": async () => {
        const { projects } = await run("ikz/kita-software.graphql");
        expect(projects.totalCount).toBe(2);
        expect(projects.nodes.map((p: Data) => [p.slug, p.municipality.slug, p.status])).toEqual([
          ["herten-kita-online", "herten", "PLANNED"],
          ["kelsterbach-kindergartenverwaltung", "kelsterbach", "IN_PROGRESS"],
        ]);
        const kelsterbach = projects.nodes[1];
        expect(kelsterbach).toMatchObject({
          title: "Digitale Kindergartenverwaltung",
          plannedEndOn: "2023",
          costs: [],
          products: [],
          providers: [],
        });
      },
      "names KRZN as provider, JUGIS (by KRZN) among the products and winkita as replaced in Herten's project":
        async () => {
          const { projects } = await run("ikz/kita-software.graphql");
          const herten = projects.nodes.find((p: Data) => p.slug === "herten-kita-online");
          // The vendor and host of the software the project replaces are not its providers.
          expect(sortedSlugs(herten.providers)).toEqual(["krzn"]);
          expect(herten.providers.find((p: Data) => p.slug === "krzn")).toEqual({
            slug: "krzn",
            name: "KRZN",
            kind: "MUNICIPAL_IT_SERVICE_PROVIDER",
          });
          expect(sortedSlugs(herten.products)).toEqual(["jugis", "meso", "sap"]);
          expect(herten.products.find((p: Data) => p.slug === "jugis")).toEqual({
            slug: "jugis",
            name: "JUGIS",
            vendor: { slug: "krzn", name: "KRZN" },
          });
          expect(herten.replacedProducts).toEqual([
            {
              slug: "winkita",
              name: "winkita",
              vendor: { slug: "software-beratung-meinhard", name: "Software & Beratung Meinhard GmbH" },
            },
          ]);
          expect(herten.lessons.map((l: Data) => l.slug)).toEqual(["herten-kita-software-kostenvergleich"]);
        },
      "gives Herten's costs in source order; the COST items sum to 19,300.00 EUR a year": async () => {
        const { projects } = await run("ikz/kita-software.graphql");
        const herten = projects.nodes.find((p: Data) => p.slug === "herten-kita-online");
        expect(herten.costs.map((c: Data) => [c.kind, c.amount, c.currency, c.period])).toEqual([
          ["COST", "8400.00", "EUR", "ANNUAL"],
          ["COST", "1700.00", "EUR", "ANNUAL"],
          ["COST", "4400.00", "EUR", "ANNUAL"],
          ["COST", "4800.00", "EUR", "ANNUAL"],
          ["COMPARISON", "4400.00", "EUR", "ANNUAL"],
          ["DIFFERENCE", "14900.00", "EUR", "ANNUAL"],
          ["DIFFERENCE", "74500.00", "EUR", "TOTAL"],
        ]);
        expect(herten.costs[1].description).toMatch(/^JUGIS-Baustein Kita-Online /);
        const costs = herten.costs.filter((c: Data) => c.kind === "COST");
        expect(sumDecimals(costs.map((c: Data) => c.amount))).toBe("19300.00");
      },
    },
  },

  "ikz/city-profile.graphql": {
    checks: {
      "profiles Hildesheim by default: key facts and strategies, newest adoption first": async () => {
        const { municipality } = await run("ikz/city-profile.graphql");
        expect(municipality).toMatchObject({
          slug: "hildesheim",
          name: "Hildesheim",
          officialKey: "03254021",
          state: "NI",
          stateName: "Niedersachsen",
          district: "Landkreis Hildesheim",
          governmentRegion: null,
        });
        expect(municipality.strategies.map((s: Data) => [s.slug, s.status, s.adoptedOn])).toEqual([
          ["hildesheim-digitale-stadtverwaltung-2025", "ADOPTED", "2020-12-21"],
          ["hildesheim-medienentwicklungsplan-schulen", "ADOPTED", "2019-09-23"],
        ]);
        expect(municipality.strategies[0].consultants).toEqual([{ slug: "unity-ag", name: "Unity AG" }]);
      },
      "gives the seven fields of action with their topics, and none for the school plan (its source names none)":
        async () => {
          const { municipality } = await run("ikz/city-profile.graphql");
          const [main, schools] = municipality.strategies;
          expect(main.fieldsOfAction.map((f: Data) => [f.position, f.title])).toEqual([
            [1, "Digitaler Handlungsrahmen"],
            [2, "Arbeit 4.0"],
            [3, "Infrastruktur"],
            [4, "Führung und Organisation"],
            [5, "Geschäftsprozessoptimierung und Innovation"],
            [6, "Digitale Serviceschnittstelle"],
            [7, "Digitales Lernen und Wissen"],
          ]);
          const topicKeys = (f: Data) => f.topics.map((t: Data) => t.key).sort();
          expect(main.fieldsOfAction.map(topicKeys)).toEqual([
            ["governance"],
            ["new-work"],
            ["infrastructure"],
            ["change-management", "governance"],
            ["process-optimisation"],
            ["digital-communication", "online-services"],
            ["staff-qualification"],
          ]);
          expect(schools.slug).toBe("hildesheim-medienentwicklungsplan-schulen");
          expect(schools.fieldsOfAction).toEqual([]);
        },
      "gives the indicators and the decisions, oldest first": async () => {
        const { municipality } = await run("ikz/city-profile.graphql");
        const indicators = (list: Data[]) => list.map((i) => `${i.value} ${i.unit}`).sort();
        expect(indicators(municipality.indicators)).toEqual(["150 Beschäftigte", "19 Projekte"]);
        expect(indicators(municipality.strategies[0].indicators)).toEqual(["150 Beschäftigte", "19 Projekte"]);
        expect(municipality.strategies[1].indicators).toEqual([]);
        expect(municipality.decisions.map((d: Data) => [d.reference, d.date, d.outcome])).toEqual([
          ["19/282", "2019-09-23", "ADOPTED"],
          ["20/281", "2020-09-14", "NOTED"],
          ["20/281", "2020-09-16", "DEFERRED"],
          ["20/281", "2020-11-25", "ADOPTED_WITH_CHANGES"],
          ["20/281", "2020-12-14", "UNKNOWN"],
          ["20/281", "2020-12-21", "ADOPTED_WITH_CHANGES"],
        ]);
        expect(municipality.decisions.at(-1).body).toBe("Rat der Stadt Hildesheim");
        expect(municipality.strategies[0].decisions.map((d: Data) => d.date)).toEqual([
          "2020-09-14",
          "2020-09-16",
          "2020-11-25",
          "2020-12-14",
          "2020-12-21",
        ]);
        expect(municipality.strategies[1].decisions.map((d: Data) => [d.date, d.outcome])).toEqual([
          ["2019-09-23", "ADOPTED"],
        ]);
      },
      "profiles another city through the slug variable (Ratingen's ten fields)": async () => {
        const { municipality } = await run("ikz/city-profile.graphql", { slug: "ratingen" });
        expect(municipality).toMatchObject({
          name: "Ratingen",
          officialKey: "05158028",
          state: "NW",
          population: 90000,
          website: "https://www.stadt-ratingen.de",
        });
        expect(municipality.strategies.map((s: Data) => s.slug)).toEqual(["ratingen-digital-2025plus"]);
        const fields = municipality.strategies[0].fieldsOfAction;
        expect(fields.map((f: Data) => f.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(fields[0].title).toBe("Verwaltung online");
        expect(sortedSlugs(fields[0].projects)).toEqual(["ratingen-ozg-online-services", "ratingen-website-relaunch"]);
        expect(municipality.indicators).toEqual([]);
        expect(municipality.decisions.map((d: Data) => d.date)).toEqual(["2021-06-24", "2021-08", null]);
      },
    },
  },

  "ikz/lessons-by-topic.graphql": {
    checks: {
      "gives the two e-file lessons by default, with municipality and project": async () => {
        const { lessons } = await run("ikz/lessons-by-topic.graphql");
        expect(lessons.totalCount).toBe(2);
        expect(lessons.pageInfo.hasNextPage).toBe(false);
        expect(lessons.nodes.map((l: Data) => [l.slug, l.kind, l.municipality.slug, l.project?.slug ?? null])).toEqual([
          ["hildesheim-anschubfinanzierung", "PITFALL", "hildesheim", null],
          ["kelsterbach-aktenplan-mit-jedem-team", "PITFALL", "kelsterbach", "kelsterbach-e-akte"],
        ]);
        for (const lesson of lessons.nodes) expect(lesson.topics.map((t: Data) => t.key)).toContain("e-file");
        expect(lessons.nodes[1].project).toEqual({
          slug: "kelsterbach-e-akte",
          title: "Einführung der e-Akte und des elektronischen Posteingangs",
          status: "IN_PROGRESS",
        });
        expect(lessons.nodes[0].sources.map((s: Data) => s.key)).toEqual(["hildesheim-vorlage-20-281"]);
      },
      "filters by other topics and kinds through the variables": async () => {
        const governancePitfalls = await run("ikz/lessons-by-topic.graphql", {
          topics: ["governance"],
          kinds: ["PITFALL"],
        });
        expect(slugs(governancePitfalls.lessons.nodes)).toEqual([
          "herten-it-kosten-steigen",
          "hildesheim-anschubfinanzierung",
          "kelsterbach-zusaetzliches-personal",
          "ratingen-eigenes-rechenzentrum-fachkraeftemangel",
        ]);
        const childcare = await run("ikz/lessons-by-topic.graphql", { topics: ["childcare"] });
        expect(childcare.lessons.nodes.map((l: Data) => [l.slug, l.municipality.slug, l.project?.slug])).toEqual([
          ["herten-kita-software-kostenvergleich", "herten", "herten-kita-online"],
        ]);
      },
    },
  },

  "ikz/paginate-projects.graphql": {
    checks: {
      "following endCursor yields every project exactly once, by slug, 10 a page (the defaults)": async () => {
        const { totalCount, edges, pages, pageSize } = await readAllPages({});
        expect(totalCount).toBe(36);
        expect([pageSize, pages]).toEqual([10, 4]);
        const received = edges.map((e) => e.node.slug);
        expect(received).toHaveLength(totalCount);
        expect(new Set(received).size).toBe(received.length);
        expect([...received].sort()).toEqual([...ALL_PROJECT_SLUGS].sort());
        expect(received).toEqual([...received].sort(byCodeUnits));
      },
      "pages in any requested order, e.g. by title descending, seven at a time": async () => {
        const { totalCount, edges, pages } = await readAllPages({
          first: 7,
          orderBy: { field: "TITLE", direction: "DESC" },
        });
        expect(totalCount).toBe(36);
        expect(pages).toBe(6);
        const titles = edges.map((e) => e.node.title);
        expect(new Set(edges.map((e) => e.node.slug)).size).toBe(36);
        expect(titles).toEqual([...titles].sort(byGerman).reverse());
      },
      "pages a filtered list: Herten's 13 projects by status": async () => {
        const { totalCount, edges } = await readAllPages({
          first: 5,
          filter: { municipalities: ["herten"] },
          orderBy: { field: "STATUS" },
        });
        expect(totalCount).toBe(13);
        expect(edges).toHaveLength(13);
        expect(new Set(edges.map((e) => e.node.slug)).size).toBe(13);
        expect(edges.every((e) => e.node.municipality.slug === "herten")).toBe(true);
        const statuses = edges.map((e) => e.node.status);
        expect(statuses).toEqual([...statuses].sort(byCodeUnits));
        expect(statuses.filter((s) => s === "IDEA")).toHaveLength(10);
      },
    },
  },

  "ikz/compare-cities.graphql": {
    checks: {
      "compares Ratingen and Hildesheim on schools by default: the school field of action and the school media plan":
        async () => {
          const { compare } = await run("ikz/compare-cities.graphql");
          expect(compare.municipalities.map((m: Data) => m.slug)).toEqual(["ratingen", "hildesheim"]);
          expect(compare.rows.map((r: Data) => r.topic.key)).toEqual(["schools"]);
          const [ratingen, hildesheim] = compare.rows[0].cells;
          const schoolFields = (slug: string) =>
            seedData.cities
              .find((c) => c.municipality.slug === slug)!
              .strategies.flatMap((s) =>
                s.fieldsOfAction.filter((f) => f.topics.includes("schools")).map((f) => f.title),
              );
          expect(ratingen.fieldsOfAction.map((f: Data) => f.title)).toEqual(schoolFields("ratingen"));
          expect(hildesheim.fieldsOfAction.map((f: Data) => f.title)).toEqual(schoolFields("hildesheim"));
          expect(hildesheim.projects.map((p: Data) => p.slug)).toEqual(["hildesheim-medienentwicklungsplan"]);
          // Hildesheim's plan is adopted, but its source says nothing of how far it has got: on paper only.
          expect(hildesheim.projects.map((p: Data) => p.status)).toEqual(["NOT_STATED"]);
          expect([ratingen.coverage, hildesheim.coverage]).toEqual(["IN_PROGRESS", "STRATEGY_ONLY"]);
          expect(compare.keyFigures[1].budgetByYear).toEqual([
            { year: 2021, total: "544500.00" },
            { year: 2022, total: "220000.00" },
          ]);
        },
      "compares Herten and Kelsterbach on childcare: both Kita efforts": async () => {
        const { compare } = await run("ikz/compare-cities.graphql", {
          municipalities: ["herten", "kelsterbach"],
          topics: ["childcare"],
        });
        expect(compare.rows[0].cells.map((c: Data) => c.projects.map((p: Data) => p.slug))).toEqual([
          ["herten-kita-online"],
          ["kelsterbach-kindergartenverwaltung"],
        ]);
        const kelsterbach = compare.keyFigures[1];
        const indicators = seedData.cities
          .find((c) => c.municipality.slug === "kelsterbach")!
          .strategies.flatMap((s) => s.indicators);
        expect(kelsterbach.indicators.map((i: Data) => i.value).sort()).toEqual(indicators.map((i) => i.value).sort());
      },
    },
  },

  "ikz/who-did-it-already.graphql": {
    checks: {
      "finds who runs or finished an e-file project, with lessons and sources (by default)": async () => {
        const { projects } = await run("ikz/who-did-it-already.graphql");
        const expected = seedData.cities
          .flatMap((c) => c.projects)
          .filter((p) => p.topics.includes("e-file") && ["IN_PROGRESS", "COMPLETED"].includes(p.status));
        expect(slugs(projects.nodes)).toEqual(expected.map((p) => p.slug));
        expect(projects.nodes[0].municipality.slug).toBe("kelsterbach");
        expect(projects.nodes[0].lessons.map((l: Data) => l.title)).toContain(
          seedData.cities.flatMap((c) => c.lessons).find((l) => l.slug === "kelsterbach-aktenplan-mit-jedem-team")!
            .title,
        );
      },
      "answers for Kita software what it cost and with whom, when planned projects count too": async () => {
        const { projects } = await run("ikz/who-did-it-already.graphql", {
          topics: ["childcare"],
          statuses: ["PLANNED", "IN_PROGRESS", "COMPLETED"],
        });
        expect(sortedSlugs(projects.nodes)).toEqual(["herten-kita-online", "kelsterbach-kindergartenverwaltung"]);
        const herten = projects.nodes.find((p: Data) => p.slug === "herten-kita-online");
        expect(herten.providers.map((p: Data) => p.name)).toContain("KRZN");
        expect(sumDecimals(herten.costs.filter((c: Data) => c.kind === "COST").map((c: Data) => c.amount))).toBe(
          "19300.00",
        );
      },
    },
  },

  "ikz/reuse-suggestions.graphql": {
    checks: {
      "suggests Kelsterbach's Kita administration for Herten's Kita-Online, and says why": async () => {
        const { project } = await run("ikz/reuse-suggestions.graphql");
        expect(project.similar[0].project.slug).toBe("kelsterbach-kindergartenverwaltung");
        expect(project.similar[0].reasons).toContain("same topic: childcare");
        for (const s of project.similar) expect(s.project.municipality.slug).not.toBe("herten");
      },
      "suggests nothing for a project no other city does (digital recruiting in Herten)": async () => {
        const { project } = await run("ikz/reuse-suggestions.graphql", { slug: "herten-digitales-bewerbermanagement" });
        expect(project.similar).toEqual([]);
      },
    },
  },

  "ikz/market-overview.graphql": {
    checks: {
      "counts every published project, by status, and Hildesheim's budget": async () => {
        const { stats } = await run("ikz/market-overview.graphql");
        const all = seedData.cities.flatMap((c) => c.projects);
        expect(stats.projectCount).toBe(all.length);
        expect(stats.projectsByStatus.reduce((n: number, s: Data) => n + s.count, 0)).toBe(all.length);
        expect(stats.projectsByStatus.find((s: Data) => s.status === "IDEA").count).toBe(
          all.filter((p) => p.status === "IDEA").length,
        );
        expect(stats.budgetByYearAndCategory.map((b: Data) => b.total)).toEqual([
          "124500.00",
          "420000.00",
          "87000.00",
          "133000.00",
        ]);
      },
      "narrows to one state through the filter variable": async () => {
        const { stats } = await run("ikz/market-overview.graphql", { filter: { states: ["HE"] } });
        expect(stats.projectCount).toBe(
          seedData.cities.filter((c) => c.municipality.state === "HE").flatMap((c) => c.projects).length,
        );
        expect(
          stats.providerCoverage.map((p: Data) => [
            p.provider.slug,
            p.servedMunicipalities,
            p.hubMunicipalities,
            p.coverageShare,
          ]),
        ).toEqual([
          ["ekom21", 1, 1, 1],
          ["vhw", 1, 1, 1],
        ]);
      },
    },
  },

  "ikz/topic-coverage.graphql": {
    checks: {
      "counts per city the fields of action and projects of each topic, and lists providers' clients": async () => {
        const { topics, providers } = await run("ikz/topic-coverage.graphql");
        for (const topic of topics.nodes) {
          for (const entry of topic.municipalities) {
            const city = seedData.cities.find((c) => c.municipality.slug === entry.municipality.slug)!;
            expect(entry.projects).toBe(city.projects.filter((p) => p.topics.includes(topic.key)).length);
            expect(entry.fieldsOfAction).toBe(
              city.strategies.flatMap((s) => s.fieldsOfAction).filter((f) => f.topics.includes(topic.key)).length,
            );
          }
        }
        const childcare = topics.nodes.find((t: Data) => t.key === "childcare");
        expect(childcare.municipalities.map((m: Data) => [m.municipality.slug, m.projects])).toEqual([
          ["herten", 1],
          ["kelsterbach", 1],
        ]);
        const krzn = providers.nodes.find((p: Data) => p.slug === "krzn");
        expect(krzn.clients).toEqual([{ municipality: { slug: "herten" }, roles: ["SOFTWARE_HOSTING"], since: null }]);
        expect(krzn.products.map((p: Data) => p.slug)).toEqual(["jugis"]);
      },
    },
  },

  "ikz/node-lookup.graphql": {
    runtimeVariables: {
      names: ["id"],
      resolve: async (h) => {
        const res = await h.query('{ project(slug: "herten-kita-online") { id } }');
        return { id: res.data!.project.id };
      },
    },
    checks: {
      "returns the project whose id was looked up first": async () => {
        const lookup = await hub.query('{ project(slug: "herten-kita-online") { id } }');
        const id = lookup.data!.project.id;
        const { node } = await run("ikz/node-lookup.graphql", { id });
        expect(node).toEqual({
          __typename: "Project",
          id,
          slug: "herten-kita-online",
          title: "Medienbruchfreie Kindergarten- und Tagespflegesoftware (Kita-Online / JUGIS)",
          projectStatus: "PLANNED",
          municipality: { slug: "herten" },
        });
      },
      "resolves ids of other types through the matching inline fragment": async () => {
        const ids = await hub.query(`{
          municipality(slug: "kelsterbach") { id }
          provider(slug: "krzn") { id }
          strategy(slug: "hildesheim-digitale-stadtverwaltung-2025") { id budget { id year category amount } }
        }`);
        expect(ids.errors).toBeUndefined();
        const { municipality, provider, strategy } = ids.data!;
        const lookup = async (id: string) => (await run("ikz/node-lookup.graphql", { id })).node;
        expect(await lookup(municipality.id)).toEqual({
          __typename: "Municipality",
          id: municipality.id,
          slug: "kelsterbach",
          name: "Kelsterbach",
          state: "HE",
        });
        expect(await lookup(provider.id)).toEqual({
          __typename: "Provider",
          id: provider.id,
          slug: "krzn",
          name: "KRZN",
          providerKind: "MUNICIPAL_IT_SERVICE_PROVIDER",
        });
        expect(await lookup(strategy.id)).toEqual({
          __typename: "Strategy",
          id: strategy.id,
          slug: "hildesheim-digitale-stadtverwaltung-2025",
          title: "Digitale Stadtverwaltung 2025",
          strategyStatus: "ADOPTED",
        });
        const line = strategy.budget.find((b: Data) => b.year === 2021 && b.category === "INVESTMENT");
        expect(await lookup(line.id)).toEqual({
          __typename: "BudgetLine",
          id: line.id,
          year: 2021,
          category: "INVESTMENT",
          amount: "420000.00",
        });
      },
    },
  },

  "ikz/search-across-cities.graphql": {
    checks: {
      "finds Herten's Kita software and Kelsterbach's kindergarten administration for Kita, with marked snippets":
        async () => {
          const { search } = await run("ikz/search-across-cities.graphql");
          const projects = search.hits.filter((hit: Data) => hit.node.__typename === "Project");
          const herten = projects.find((hit: Data) => hit.node.slug === "herten-kita-online");
          const kelsterbach = projects.find((hit: Data) => hit.node.slug === "kelsterbach-kindergartenverwaltung");
          expect(herten.municipality).toEqual({ slug: "herten", name: "Herten", state: "NW" });
          expect(herten.node.providers.map((p: Data) => p.slug)).toContain("krzn");
          expect(herten.highlights.find((h: Data) => h.field === "title").snippet).toContain("<mark>Kita</mark>");
          // Found through the synonym: the title says "Kindergartenverwaltung", not "Kita".
          expect(kelsterbach.municipality.slug).toBe("kelsterbach");
          expect(kelsterbach.highlights.find((h: Data) => h.field === "title").snippet).toMatch(
            /<mark>Kindergartenverwaltung<\/mark>/,
          );
          const cities = search.facets.find((f: Data) => f.field === "MUNICIPALITY").values;
          expect(cities).toContainEqual({ value: "herten", label: "Herten", count: expect.any(Number) });
          expect(cities).toContainEqual({ value: "kelsterbach", label: "Kelsterbach", count: expect.any(Number) });
        },
      "narrows by the facet values it returns, and pages with endCursor": async () => {
        const first = (await run("ikz/search-across-cities.graphql", { first: 1 })).search;
        expect(first.hits).toHaveLength(1);
        expect(first.pageInfo.hasNextPage).toBe(first.totalCount > 1);
        const second = (await run("ikz/search-across-cities.graphql", { first: 1, after: first.pageInfo.endCursor }))
          .search;
        expect(second.hits).toHaveLength(1);
        expect(second.hits[0]).not.toEqual(first.hits[0]);
        const hesse = (
          await run("ikz/search-across-cities.graphql", { filter: { states: ["HE"], types: ["PROJECT"] } })
        ).search;
        expect(hesse.hits.length).toBeGreaterThan(0);
        for (const hit of hesse.hits) {
          expect(hit.node.__typename).toBe("Project");
          expect(hit.municipality.state).toBe("HE");
        }
      },
    },
  },
};

describe("client-examples: discovery", () => {
  it("finds the .graphql examples, including every one with answer checks", () => {
    const files = examples.map((e) => e.file);
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(answers).length);
    for (const file of Object.keys(answers)) expect(files, `client-examples/${file}`).toContain(file);
  });

  it("README.md mentions every example file", () => {
    const readme = readFileSync(README, "utf8");
    const missing = examples.filter((e) => !readme.includes(e.file)).map((e) => e.file);
    expect(missing, "add these to client-examples/README.md").toEqual([]);
  });

  it("gives every operation a distinct name", () => {
    const names = examples.map((e) => operationOf(e).name?.value);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe.each(examples.map((e) => [e.file, e] as const))("client-examples/%s", (file, ex) => {
  it("is one named operation with a leading # comment", () => {
    expect(ex.source.trimStart().startsWith("#"), "starts with a # comment saying what it answers").toBe(true);
    const document = parse(ex.source);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations, "exactly one operation").toHaveLength(1);
    expect(operationOf(ex).name?.value, "the operation has a name").toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it("can be run with its default or documented variables", () => {
    const operation = operationOf(ex);
    const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
    const supplied = new Set([
      ...Object.keys(ex.variablesFile ?? {}),
      ...(answers[file]?.runtimeVariables?.names ?? []),
    ]);
    const unsatisfied = (operation.variableDefinitions ?? [])
      .filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue && !supplied.has(v.variable.name.value))
      .map((v) => v.variable.name.value);
    expect(unsatisfied, "required variables need a default or a sibling .variables.json").toEqual([]);
    const unknown = Object.keys(ex.variablesFile ?? {}).filter((name) => !declared.includes(name));
    expect(unknown, "variables in the .variables.json that the operation does not declare").toEqual([]);
  });

  it.skipIf(answers[file]?.refused)("executes against the seeded hub without errors", async () => {
    const data = await run(file);
    expect(
      Object.values(data).some((value) => value !== null),
      "returns some data",
    ).toBe(true);
  });

  const checks = answers[file]?.checks ?? {};
  for (const [name, check] of Object.entries(checks)) it(`answers: ${name}`, check);
});
