/**
 * Indicator series over HTTP: an editor gives an indicator dated values, which read back
 * oldest first with `value` and `asOf` showing the latest; `compare(indicators:)` returns one
 * series per compared city; bad values and unknown keys are BAD_USER_INPUT with field paths and
 * write nothing; a draft's values stay hidden; another city's editor cannot write them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const FIELDS = `id key version publicationState value asOf betterWhen definition
  values { id value asOf note sources { key } }`;
const CREATE = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: IndicatorInput!) {
  updateIndicator(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishIndicator(id: $id) { publicationState } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Indicator { ${FIELDS} } } }`;
const COMPARE = `query($cities: [String!]!, $indicators: [String!]) {
  compare(municipalities: $cities, indicators: $indicators) {
    keyFigures { municipality { slug }
      indicatorSeries { municipality { slug } key indicator { key name unit betterWhen } values { value asOf } } }
  } }`;
const SOURCE = "herten-vorlage-18-203";

type Answer = { errors?: { message: string; extensions?: Record<string, any> }[]; data?: Record<string, any> | null };
const codes = (answer: Answer) => answer.errors?.map((error) => error.extensions?.code);
const fields = (answer: Answer) => answer.errors?.flatMap((error) => error.extensions?.fields ?? []);

describe("indicator series", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  /** Creates a Herten indicator with one value, as Herten's editor. */
  async function create(key: string, values: Record<string, unknown>[] = [{ value: 10, asOf: "2021" }]) {
    const input = { municipality: "herten", key, name: "Digitalisierte Prozesse", unit: "Prozesse", values };
    const answer = await gql(hub, CREATE, { input: { ...input, sources: [SOURCE] } }, tokens.editors.herten);
    expect(answer.errors).toBeUndefined();
    return answer.data!.createIndicator;
  }

  async function update(indicator: { id: string; version: number }, input: Record<string, unknown>, token?: string) {
    return gql(hub, UPDATE, { id: indicator.id, version: indicator.version, input }, token ?? tokens.editors.herten);
  }

  it("reads three dated values oldest first, with value and asOf the latest", async () => {
    const indicator = await create("series-three");
    const [first] = indicator.values;
    const answer = await update(indicator, {
      betterWhen: "HIGHER",
      definition: "Prozesse, die vollständig digital laufen.",
      values: [
        { value: 40, asOf: "2023-06", note: "Halbjahr", sources: [SOURCE] },
        { id: first.id, value: 12, asOf: "2021" },
        { value: 25, asOf: "2022-12-31" },
      ],
    });
    expect(answer.errors).toBeUndefined();
    const updated = answer.data!.updateIndicator;
    expect(updated.values.map((value: { value: number; asOf: string }) => [value.value, value.asOf])).toEqual([
      [12, "2021"],
      [25, "2022-12-31"],
      [40, "2023-06"],
    ]);
    // The value named by id kept its identity; the new ones got their own.
    expect(updated.values[0].id).toBe(first.id);
    expect(updated.values[2]).toMatchObject({ note: "Halbjahr", sources: [{ key: SOURCE }] });
    expect(updated).toMatchObject({ value: 40, asOf: "2023-06", betterWhen: "HIGHER", version: indicator.version + 1 });
    const read = await gql(hub, READ, { id: indicator.id }, tokens.editors.herten);
    expect(read.data!.node).toEqual(updated);

    // Removing the latest value makes the one before it the latest.
    const removed = await update(updated, {
      values: updated.values.slice(0, 2).map(({ id, value, asOf }: any) => ({ id, value, asOf })),
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.updateIndicator).toMatchObject({ value: 25, asOf: "2022-12-31" });
    expect(removed.data!.updateIndicator.values).toHaveLength(2);

    const revisions = await gql(
      hub,
      `query($id: ID!) { node(id: $id) { ... on Indicator { revisions { changes { field } } } } }`,
      { id: indicator.id },
      tokens.editors.herten,
    );
    const changed = revisions.data!.node.revisions.map((revision: any) => revision.changes.map((c: any) => c.field));
    expect(changed.flat()).toContain("values");
  });

  it("refuses bad values with their field paths, and writes nothing", async () => {
    const indicator = await create("series-bad");
    const other = await create("series-other");
    const before = await databaseDigest(hub.db.orm);
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          values: [
            { value: 1, asOf: "2020" },
            { value: 2, asOf: "2020" },
          ],
        },
        "input.values[1].asOf",
      ],
      [{ values: [{ id: other.values[0].id, value: 1, asOf: "2020" }] }, "input.values[0].id"],
      [
        {
          values: [
            { id: indicator.values[0].id, value: 1, asOf: "2020" },
            { id: indicator.values[0].id, value: 2, asOf: "2021" },
          ],
        },
        "input.values[1].id",
      ],
      [{ values: [{ value: 1, asOf: "2020", sources: ["no-such-source"] }] }, "input.values[0].sources[0]"],
      [{ values: null }, "input.values"],
      [
        {
          note: "geändert",
          values: [
            { value: 3, asOf: "2024" },
            { value: 1, asOf: "2024" },
          ],
        },
        "input.values[1].asOf",
      ],
    ];
    for (const [input, path] of cases) {
      const answer = await update(indicator, input);
      expect(codes(answer), path).toEqual(["BAD_USER_INPUT"]);
      expect(fields(answer), path).toEqual([path]);
    }
    const empty = await update(indicator, { values: [] });
    expect(codes(empty)).toEqual(["BAD_USER_INPUT"]);
    expect(fields(empty)![0]).toMatch(/values/);
    const badDate = await update(indicator, { values: [{ value: 1, asOf: "2020-13" }] });
    expect(codes(badDate)).toEqual(["BAD_USER_INPUT"]);
    expect(badDate.errors![0].message).toMatch(/values\[0\]\.asOf|PartialDate/);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("compares one series per city for the chosen indicators, and refuses unknown keys", async () => {
    // Kelsterbach's seeded indicator has this key; Herten gets one of its own, Ratingen has none.
    const indicator = await create("processes-identified", [
      { value: 120, asOf: "2024" },
      { value: 100, asOf: "2023" },
    ]);
    expect((await gql(hub, PUBLISH, { id: indicator.id }, tokens.editors.herten)).errors).toBeUndefined();
    const answer = await gql(hub, COMPARE, {
      cities: ["herten", "kelsterbach", "ratingen"],
      indicators: ["processes-identified"],
    });
    expect(answer.errors).toBeUndefined();
    const figures = answer.data!.compare.keyFigures;
    expect(figures.map((each: any) => each.indicatorSeries.length)).toEqual([1, 1, 1]);
    const series = figures.flatMap((each: any) => each.indicatorSeries);
    expect(series.map((each: any) => [each.municipality.slug, each.key, each.indicator?.key ?? null])).toEqual([
      ["herten", "processes-identified", "processes-identified"],
      ["kelsterbach", "processes-identified", "processes-identified"],
      ["ratingen", "processes-identified", null],
    ]);
    expect(series[0].values).toEqual([
      { value: 100, asOf: "2023" },
      { value: 120, asOf: "2024" },
    ]);
    expect(series[1]).toMatchObject({ indicator: { unit: "Prozesse", betterWhen: "NOT_STATED" } });
    expect(series[1].values).toEqual([{ value: 176, asOf: null }]);
    expect(series[2].values).toEqual([]);

    const none = await gql(hub, COMPARE, { cities: ["herten"] });
    expect(none.errors).toBeUndefined();
    expect(none.data!.compare.keyFigures[0].indicatorSeries).toEqual([]);
    const unknown = await gql(hub, COMPARE, {
      cities: ["herten"],
      indicators: ["processes-identified", "no-such-key"],
    });
    expect(codes(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(fields(unknown)).toEqual(["indicators"]);
    expect(unknown.errors![0].message).toContain("no-such-key");
  });

  it("keeps a draft indicator's values from the public", async () => {
    const draft = await create("series-draft", [{ value: 7, asOf: "2022" }]);
    const valueId = draft.values[0].id;
    const valueNode = `query($id: ID!) { node(id: $id) { id ... on IndicatorValue { value } } }`;
    expect((await gql(hub, valueNode, { id: valueId })).data!.node).toBeNull();
    expect((await gql(hub, valueNode, { id: valueId }, tokens.editors.ratingen)).data!.node).toBeNull();
    expect((await gql(hub, valueNode, { id: valueId }, tokens.editors.herten)).data!.node).toEqual({
      id: valueId,
      value: 7,
    });
    const list = await gql(hub, `{ municipality(slug: "herten") { indicators(first: 20) { key values { id } } } }`);
    expect(list.errors).toBeUndefined();
    const keys = list.data!.municipality.indicators.map((each: { key: string }) => each.key);
    expect(keys).not.toContain("series-draft");
    const values = list.data!.municipality.indicators.flatMap((each: { values: { id: string }[] }) => each.values);
    expect(values.map((value: { id: string }) => value.id)).not.toContain(valueId);
    const compared = await gql(
      hub,
      COMPARE,
      { cities: ["herten"], indicators: ["series-draft"] },
      tokens.editors.herten,
    );
    expect(codes(compared)).toEqual(["BAD_USER_INPUT"]);
  });

  it("lets no other city's editor write an indicator's values", async () => {
    const indicator = await create("series-foreign");
    // Published, so that the other city's editor sees it: another city's draft is unknown to its writes (NOT_FOUND).
    expect((await gql(hub, PUBLISH, { id: indicator.id }, tokens.editors.herten)).errors).toBeUndefined();
    const before = await databaseDigest(hub.db.orm);
    const answer = await update(indicator, { values: [{ value: 99, asOf: "2025" }] }, tokens.editors.ratingen);
    expect(codes(answer)).toEqual(["FORBIDDEN"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("shows the values over time as a table on the strategy and city pages", async () => {
    const indicator = await create("series-page", [
      { value: 3, asOf: "2020" },
      { value: 9, asOf: "2022-03", note: "Zwischenstand" },
    ]);
    const strategy = "herten-it-digitalisierungsstrategie";
    const linked = await update(indicator, { strategy });
    expect(linked.errors).toBeUndefined();
    expect((await gql(hub, PUBLISH, { id: indicator.id }, tokens.editors.herten)).errors).toBeUndefined();
    for (const path of [`/strategien/${strategy}`, "/kommunen/herten"]) {
      const response = await fetch(hub.origin + path, { headers: { accept: "text/html" } });
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const table = html.slice(html.indexOf('<table class="indicator-history">'));
      expect(table, path).toMatch(
        /^<table class="indicator-history"><caption>Verlauf: <span[^>]*>Digitalisierte Prozesse<\/span><\/caption>/,
      );
      expect(table).toContain('<th scope="col">Stand</th>');
      const rows = table.slice(0, table.indexOf("</table>")).match(/<th scope="row">[^<]*<\/th>/g);
      expect(rows).toEqual(['<th scope="row">2020</th>', expect.stringContaining("2022")]);
      expect(table.slice(0, table.indexOf("</table>"))).toContain("Zwischenstand");
    }
  });
});
