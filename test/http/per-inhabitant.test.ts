/**
 * Per-inhabitant figures over HTTP, on the seed data: admins alone write a
 * population, always with its source and reference date; bad values are refused
 * with a clear message and write nothing; `compare { perInhabitant }` divides
 * each numerator by a sourced population, says why where there is none, and
 * refuses populations counted more than two years apart (or undated) unless
 * `allowPopulationDateGap` is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { fetchHtml, fetchPage } from "../support/site-http.js";

const SET_POPULATION = `mutation($id: ID!, $input: MunicipalityInput!) {
  updateMunicipality(id: $id, input: $input) { population populationAsOf populationSource { key } }
}`;
const PER_INHABITANT = `query($municipalities: [String!]!, $allow: Boolean!) {
  compare(municipalities: $municipalities) {
    municipalities { slug }
    keyFigures { municipality { slug } budgetByYear { year total } }
    perInhabitant(allowPopulationDateGap: $allow) {
      populationDateGap { undated { slug } earlier { municipality { slug } asOf } later { municipality { slug } asOf } }
      cities {
        municipality { slug }
        population { count asOf source { key } }
        unavailableReason
        budgetByYear { measure label year numerator denominator value unavailableReason }
        projectAnnualCosts { measure label project { slug } numerator denominator value unavailableReason }
      }
    }
  }
}`;

interface Figure {
  measure: string;
  label: string;
  year?: number | null;
  project?: { slug: string } | null;
  numerator: string;
  denominator: number | null;
  value: string | null;
  unavailableReason: string | null;
}

const codes = (answer: { errors?: { extensions?: Record<string, any> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);

/** `numerator / denominator` to the cent, half up, computed independently of the hub (in floating point: test amounts are small). */
const divided = (numerator: string, denominator: number) =>
  (Math.round((Number(numerator) * 100) / denominator) / 100).toFixed(2);

describe("per-inhabitant figures", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // No page cache: the page tests see the populations each test sets.
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    tokens = await createTestTokens(hub.db.orm);
    const list = await gql(hub, `{ municipalities(first: 10) { nodes { id slug } } }`);
    for (const node of list.data!.municipalities.nodes) ids[node.slug] = node.id;
    const created = await gql(
      hub,
      `mutation { createSource(input: { key: "einwohnerstatistik-test", title: "Einwohnerstatistik (Test)" }) { id } }`,
      {},
      tokens.admin,
    );
    expect(created.errors).toBeUndefined();
    const published = await gql(
      hub,
      `mutation($id: ID!) { publishSource(id: $id) { publicationState } }`,
      { id: created.data!.createSource.id },
      tokens.admin,
    );
    expect(published.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  async function setPopulation(slug: string, population: number | null, asOf: string | null, source: string | null) {
    const answer = await gql(
      hub,
      SET_POPULATION,
      { id: ids[slug], input: { population, populationAsOf: asOf, populationSource: source } },
      tokens.admin,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data!.updateMunicipality;
  }

  const compare = (municipalities: string[], allow = false) => gql(hub, PER_INHABITANT, { municipalities, allow });

  it("seeds Ratingen's population with the article it comes from, undated", async () => {
    const answer = await gql(
      hub,
      `{ municipality(slug: "ratingen") { population populationAsOf populationSource { key } } }`,
    );
    expect(answer.data!.municipality).toEqual({
      population: 90000,
      populationAsOf: null,
      populationSource: { key: "ratingen-trimborn-2021" },
    });
  });

  it("lets an admin set a population with its date and source, and records it in the revision", async () => {
    expect(await setPopulation("hildesheim", 100_000, "2019-12-31", "einwohnerstatistik-test")).toEqual({
      population: 100_000,
      populationAsOf: "2019-12-31",
      populationSource: { key: "einwohnerstatistik-test" },
    });
    const revisions = await gql(
      hub,
      `{ municipality(slug: "hildesheim") { revisions { changes { field before after } } } }`,
      {},
      tokens.admin,
    );
    const changes = revisions.data!.municipality.revisions.at(-1).changes;
    // A revision names the source by its key (main now gives values as JSON, this branch's base as JSON text).
    const change = changes.find((entry: { field: string }) => entry.field === "populationSource");
    expect([null, "null"]).toContain(change.before);
    expect(String(change.after)).toMatch(/^"?einwohnerstatistik-test"?$/);
  });

  it("refuses per-inhabitant figures of populations counted four years apart, naming the cities and dates", async () => {
    await setPopulation("hildesheim", 100_000, "2019-12-31", "einwohnerstatistik-test");
    await setPopulation("herten", 60_000, "2023-12-31", "einwohnerstatistik-test");
    const refused = await compare(["hildesheim", "herten"]);
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    const [error] = refused.errors!;
    expect(error.extensions).toMatchObject({ reason: "POPULATION_DATE_GAP", fields: ["allowPopulationDateGap"] });
    expect(error.message).toMatch(/Hildesheim \(as of 2019-12-31\) and Herten \(as of 2023-12-31\)/);
    expect(error.message).toMatch(/more than 2 years apart/);
    expect(error.message).toMatch(/allowPopulationDateGap: true/);
    // Only the per-inhabitant figures are refused; the rest of the comparison stands.
    expect(refused.data!.compare.municipalities).toEqual([{ slug: "hildesheim" }, { slug: "herten" }]);
    expect(refused.data!.compare.perInhabitant).toBeNull();

    const allowed = await compare(["hildesheim", "herten"], true);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.compare.perInhabitant.populationDateGap).toEqual({
      undated: [],
      earlier: { municipality: { slug: "hildesheim" }, asOf: "2019-12-31" },
      later: { municipality: { slug: "herten" }, asOf: "2023-12-31" },
    });
    expect(allowed.data!.compare.perInhabitant.cities.map((city: any) => city.population.count)).toEqual([
      100_000, 60_000,
    ]);
  });

  it("gives coherent figures for populations two years apart: numerator, denominator and value agree", async () => {
    await setPopulation("hildesheim", 100_000, "2019-12-31", "einwohnerstatistik-test");
    await setPopulation("herten", 60_000, "2021-12-31", "einwohnerstatistik-test");
    const answer = await compare(["hildesheim", "herten"]);
    expect(answer.errors).toBeUndefined();
    const { keyFigures, perInhabitant } = answer.data!.compare;
    expect(perInhabitant.populationDateGap).toBeNull();
    const [hildesheim, herten] = perInhabitant.cities;
    expect(hildesheim.population).toEqual({
      count: 100_000,
      asOf: "2019-12-31",
      source: { key: "einwohnerstatistik-test" },
    });
    // The numerators are the published budget per year the key figures give.
    const budget = keyFigures[0].budgetByYear as { year: number; total: string }[];
    expect(budget.length).toBeGreaterThan(0);
    expect(hildesheim.budgetByYear.map((figure: Figure) => [figure.year, figure.numerator])).toEqual(
      budget.map((entry) => [entry.year, entry.total]),
    );
    // Herten's seeded annual costs (the Kita software) give project figures.
    expect(herten.projectAnnualCosts.length).toBeGreaterThan(0);
    for (const [city, count] of [
      [hildesheim, 100_000],
      [herten, 60_000],
    ] as const) {
      for (const figure of [...city.budgetByYear, ...city.projectAnnualCosts] as Figure[]) {
        expect(figure.denominator).toBe(count);
        expect(figure.value, figure.label).toBe(divided(figure.numerator, count));
        expect(figure.unavailableReason).toBeNull();
      }
    }
    expect(hildesheim.budgetByYear[0].label).toMatch(/^Budget der veröffentlichten Strategien \d{4}/);
    expect(herten.projectAnnualCosts[0]).toMatchObject({
      measure: "PROJECT_ANNUAL_COST",
      project: { slug: expect.any(String) },
    });
  });

  it("says so where a city has no sourced population: no value, never a guess", async () => {
    const answer = await compare(["hildesheim", "kelsterbach"]);
    expect(answer.errors).toBeUndefined();
    const [, kelsterbach] = answer.data!.compare.perInhabitant.cities;
    expect(kelsterbach.population).toBeNull();
    expect(kelsterbach.unavailableReason).toMatch(/^Keine belegte Einwohnerzahl/);
    for (const figure of [...kelsterbach.budgetByYear, ...kelsterbach.projectAnnualCosts] as Figure[]) {
      expect(figure).toMatchObject({
        denominator: null,
        value: null,
        unavailableReason: kelsterbach.unavailableReason,
      });
    }
  });

  it("treats an undated population as not comparable: refused unless allowed, naming the undated city", async () => {
    const refused = await compare(["hildesheim", "ratingen"]);
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.errors![0].message).toMatch(/population of Ratingen has no reference date/);
    const allowed = await compare(["hildesheim", "ratingen"], true);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.compare.perInhabitant.populationDateGap).toEqual({
      undated: [{ slug: "ratingen" }],
      earlier: null,
      later: null,
    });
    // Alone, an undated population has nothing to be compared with.
    expect((await compare(["ratingen"])).errors).toBeUndefined();
  });

  it("does not let an editor set a population, not even its own city's", async () => {
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      SET_POPULATION,
      {
        id: ids.kelsterbach,
        input: { population: 14_000, populationAsOf: "2022-12-31", populationSource: "einwohnerstatistik-test" },
      },
      tokens.editors.kelsterbach,
    );
    expect(codes(answer)).toEqual(["FORBIDDEN"]);
    expect(answer.errors![0].message).toMatch(/Only admin tokens/);
    const { api_token: _before, ...tablesBefore } = before;
    const { api_token: _after, ...tablesAfter } = await databaseDigest(hub.db.orm);
    expect(tablesAfter).toEqual(tablesBefore);
  });

  it("shows the refusal on the compare page in German, with a way to allow it, and then the figures as tables", async () => {
    await setPopulation("hildesheim", 100_000, "2019-12-31", "einwohnerstatistik-test");
    await setPopulation("herten", 60_000, "2023-12-31", "einwohnerstatistik-test");
    const refused = await fetchHtml(hub.origin, "/vergleich?kommunen=hildesheim,herten,kelsterbach");
    expect(refused).toContain("Einwohnerzahlen nicht vergleichbar");
    expect(refused).toMatch(
      /Die Einwohnerzahlen von Hildesheim \(Stichtag [^)]*2019\) und Herten \(Stichtag [^)]*2023\) liegen mehr als zwei Jahre auseinander/,
    );
    expect(refused).toContain('href="/vergleich?kommunen=hildesheim,herten,kelsterbach&amp;stichtage=abweichend"');
    expect(refused).toMatch(/<input type="checkbox" id="stichtage" name="stichtage" value="abweichend"\/>/);
    expect(refused).not.toContain('id="per-inhabitant-caption"');

    // The form's checkbox leads to the canonical address with the choice made.
    const fromForm = await fetchPage(hub.origin, "/vergleich?kommune=hildesheim&kommune=herten&stichtage=abweichend");
    expect(fromForm.status).toBe(303);
    expect(fromForm.headers.get("location")).toBe("/vergleich?kommunen=hildesheim,herten&stichtage=abweichend");

    const allowed = await fetchHtml(
      hub.origin,
      "/vergleich?kommunen=hildesheim,herten,kelsterbach&stichtage=abweichend",
    );
    expect(allowed).toContain("Auf Ihren Wunsch gezeigt");
    expect(allowed).toMatch(/<input type="checkbox" id="stichtage" name="stichtage" value="abweichend" checked\/>/);
    expect(allowed).toContain('<caption id="populations-caption">Einwohnerzahlen, durch die geteilt wird</caption>');
    expect(allowed).toContain('<caption id="per-inhabitant-caption">');
    expect(allowed).toContain("<td>100.000</td>");
    expect(allowed).toContain("Einwohnerstatistik (Test)");
    expect(allowed).toContain('<th scope="col">je Einwohner</th>');
    expect(allowed).toContain("nicht verfügbar: Keine belegte Einwohnerzahl");
    await fetchHtml(hub.origin, "/vergleich?kommunen=hildesheim&stichtage=ja", 400);
  });

  const SOURCE = "einwohnerstatistik-test";
  const BAD: [string, Record<string, unknown>, RegExp, string][] = [
    [
      "a negative count",
      { population: -5, populationAsOf: "2022", populationSource: SOURCE },
      /population must be a positive number/,
      "population",
    ],
    [
      "zero",
      { population: 0, populationAsOf: "2022", populationSource: SOURCE },
      /population must be a positive number/,
      "population",
    ],
    [
      "more than 10 million",
      { population: 10_000_001, populationAsOf: "2022", populationSource: SOURCE },
      /at most 10,000,000/,
      "population",
    ],
    [
      "a future date",
      { population: 14_000, populationAsOf: "2099-01-01", populationSource: SOURCE },
      /lies in the future/,
      "input.populationAsOf",
    ],
    [
      "no source",
      { population: 14_000, populationAsOf: "2022", populationSource: null },
      /needs the source it is taken from/,
      "input.populationSource",
    ],
    [
      "the source left out",
      { population: 14_000, populationAsOf: "2022" },
      /written together.*missing: input\.populationSource/,
      "input.populationSource",
    ],
    [
      "an unknown source",
      { population: 14_000, populationAsOf: "2022", populationSource: "gibt-es-nicht" },
      /gibt-es-nicht/,
      "input.populationSource",
    ],
    [
      "a date without a population",
      { population: null, populationAsOf: "2022", populationSource: null },
      /need a population/,
      "input.populationAsOf",
    ],
  ];
  for (const [what, input, message, field] of BAD) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const before = await databaseDigest(hub.db.orm);
      const answer = await gql(hub, SET_POPULATION, { id: ids.kelsterbach, input }, tokens.admin);
      expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
      expect(answer.errors![0].message).toMatch(message);
      expect(answer.errors![0].extensions!.fields.join(",")).toContain(field);
      const { api_token: _before, ...tablesBefore } = before;
      const { api_token: _after, ...tablesAfter } = await databaseDigest(hub.db.orm);
      expect(tablesAfter).toEqual(tablesBefore);
    });
  }
});
