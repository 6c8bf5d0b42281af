/**
 * "Meine Kommune" (`/meine-kommune`) with more records than one page or one API request holds: 120 projects, 60
 * budget lines of one strategy, 130 council decisions, 30 indicators and 110 engagements of Herten, written
 * straight into PostgreSQL. Paging a kind's list (with and without the state filter) reaches every record exactly
 * once; the overview counts each kind per state as the database does and says when it shows only the latest changes;
 * a published decision, indicator or engagement links to its anchor on the city page, which is there, and a draft to
 * nothing; hostile addresses answer 400 with a German reason; Ratingen's records never appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { EditorBrowser } from "../support/editor-browser.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);

interface ListedRow {
  title: string;
  href: string | null;
  state: string;
}

/** The rows of the page's record table: title, public link and state. */
function rowsOf(html: string): ListedRow[] {
  const table = /aria-labelledby="records-caption"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  return [...table.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
    ([, cell, state]) => {
      const link = /^<a href="([^"]*)">([\s\S]*)<\/a>$/.exec(cell);
      return { title: unescape(link ? link[2] : cell), href: link ? unescape(link[1]) : null, state };
    },
  );
}

const nextOf = (html: string) => {
  const href = /<a href="([^"]*)" rel="next">/.exec(html)?.[1];
  return href ? unescape(href) : null;
};

/** Follows "Weitere" from `start` to the last page; every page's rows, in order. */
async function walk(browser: EditorBrowser, start: string): Promise<{ rows: ListedRow[]; addresses: string[] }> {
  const rows: ListedRow[] = [];
  const addresses: string[] = [];
  for (let address: string | null = start; address;) {
    const page = await browser.request(address);
    expect(page.status, address).toBe(200);
    addresses.push(address);
    rows.push(...rowsOf(page.text));
    address = nextOf(page.text);
    expect(addresses.length).toBeLessThan(20);
  }
  return { rows, addresses };
}

const STATE = (i: number) => (["PUBLISHED", "DRAFT", "ARCHIVED"] as const)[i % 3];
const GERMAN = { PUBLISHED: "Veröffentlicht", DRAFT: "Entwurf", ARCHIVED: "Archiviert" };

describe("Meine Kommune with more records than a page", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let herten: EditorBrowser;
  const sql = <T = Record<string, unknown>>(query: string, values: unknown[] = []) =>
    hub.db.orm.em.fork().getConnection().execute<T[]>(query, values);
  const countOf = async (table: string, where: string, values: unknown[] = []) => {
    const rows = await sql<{ state: string; n: string }>(
      `select publication_state as state, count(*) as n from ${table} where ${where} group by 1`,
      values,
    );
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)])) as Record<string, number>;
  };
  let strategyId: number;
  let strategySlug: string;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const [{ id: hertenId }] = await sql<{ id: number }>("select id from municipality where slug = 'herten'");
    const [{ id: ratingenId }] = await sql<{ id: number }>("select id from municipality where slug = 'ratingen'");
    const [strategy] = await sql<{ id: number; slug: string }>(
      "select id, slug from strategy where municipality_id = ? and publication_state = 'PUBLISHED' order by id limit 1",
      [hertenId],
    );
    [strategyId, strategySlug] = [strategy.id, strategy.slug];
    const [{ id: providerId }] = await sql<{ id: number }>("select id from provider order by id limit 1");
    // Pairs of records share a moment of change, so that the list's order must break ties to page without overlap.
    const state = `(array['PUBLISHED','DRAFT','ARCHIVED'])[i % 3 + 1]`;
    // A day ahead, so that they are the latest changes of the city, number 1 first.
    const moment = `now() + interval '1 day' - (i / 2) * interval '1 minute'`;
    await sql(
      `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
       select ${moment}, ${moment}, 'herten-seite-' || lpad(i::text, 3, '0'), 'Seitenprojekt ' || lpad(i::text, 3, '0'),
              'Test.', ?, 'PLANNED', ${state} from generate_series(1, 120) as i`,
      [hertenId],
    );
    await sql(
      `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
       select now(), now(), 'ratingen-seite-' || i, 'Ratinger Seitenprojekt ' || i, 'Test.', ?, 'PLANNED', ${state}
       from generate_series(1, 5) as i`,
      [ratingenId],
    );
    await sql(
      `insert into budget_line (created_at, updated_at, strategy_id, position, year, amount, category, description, publication_state)
       select ${moment}, ${moment}, ?, i, 2040, 1000, 'EXPENSE', 'Seitenposten ' || lpad(i::text, 3, '0'), ${state}
       from generate_series(1, 60) as i`,
      [strategyId],
    );
    // 104 published decisions: more than the city page's 100 (by date, then id), so some have no anchor there.
    await sql(
      `insert into decision (created_at, updated_at, municipality_id, key, title, body, date, outcome, publication_state)
       select ${moment}, ${moment}, ?, 'seite-' || lpad(i::text, 3, '0'), 'Seitenbeschluss ' || lpad(i::text, 3, '0'),
              'Rat', '2030-01-' || lpad((i % 28 + 1)::text, 2, '0'), 'ADOPTED',
              case i % 10 when 1 then 'DRAFT' when 2 then 'ARCHIVED' else 'PUBLISHED' end
       from generate_series(1, 130) as i`,
      [hertenId],
    );
    await sql(
      `insert into indicator (created_at, updated_at, municipality_id, key, name, value, unit, as_of, publication_state)
       select ${moment}, ${moment}, ?, 'seite-' || lpad(i::text, 3, '0'), 'Seitenkennzahl ' || lpad(i::text, 3, '0'),
              i, 'Stück', '2031', case when i % 2 = 0 then 'PUBLISHED' else 'DRAFT' end
       from generate_series(1, 60) as i`,
      [hertenId],
    );
    // One engagement per provider and role: 16 new providers in each of the 7 roles, 110 of them.
    await sql(
      `insert into provider (created_at, updated_at, slug, name, kind, seat, states_served, description)
       select now(), now(), 'seitenanbieter-' || i, 'Seitenanbieter ' || lpad(i::text, 2, '0'), kind, seat,
              states_served, description
       from provider, generate_series(1, 16) as i where provider.id = ?`,
      [providerId],
    );
    await sql(
      `insert into engagement (created_at, updated_at, municipality_id, provider_id, role, description, since, publication_state)
       select ${moment}, ${moment}, ?, provider_id, role, 'Seitenbeauftragung ' || i, '2031', ${state}
       from (select p.id as provider_id, r.role, row_number() over (order by p.id, r.role) as i
             from provider p, unnest(array['CONSULTING','INFRASTRUCTURE','IT_OPERATIONS','OTHER','PARTNER',
                                           'SOFTWARE_HOSTING','SOFTWARE_SUPPLY']) as r(role)
             where p.slug like 'seitenanbieter-%') as pairs
       where i <= 110`,
      [hertenId],
    );
    herten = new EditorBrowser(hub.origin);
    expect((await herten.signIn(tokens.editors.herten)).status).toBe(303);
  }, 120_000);
  afterAll(() => hub?.close());

  it("pages through every project of the city exactly once, 50 a page, latest change first", async () => {
    const { rows, addresses } = await walk(herten, "/meine-kommune?art=projekt");
    const [{ n }] = await sql<{ n: string }>(
      "select count(*) as n from project p join municipality m on m.id = p.municipality_id where m.slug = 'herten'",
    );
    expect(Number(n)).toBeGreaterThan(120);
    expect(rows).toHaveLength(Number(n));
    expect(new Set(rows.map((row) => row.title)).size).toBe(rows.length);
    for (let i = 1; i <= 120; i++)
      expect(rows.map((row) => row.title)).toContain(`Seitenprojekt ${String(i).padStart(3, "0")}`);
    expect(rows.some((row) => row.title.startsWith("Ratinger"))).toBe(false);
    expect(addresses).toEqual([
      "/meine-kommune?art=projekt",
      "/meine-kommune?art=projekt&seite=2",
      "/meine-kommune?art=projekt&seite=3",
    ]);
    expect(rows.slice(0, 3).map((row) => row.title)).toEqual([
      "Seitenprojekt 001",
      "Seitenprojekt 002",
      "Seitenprojekt 003",
    ]);
    const second = await herten.request("/meine-kommune?art=projekt&seite=2");
    expect(second.text).toContain("Seite 2 von 3");
    expect(second.text).toContain('rel="prev"');
    expect(second.text).toContain('href="/meine-kommune?art=projekt&amp;seite=2" aria-current="page"');
  });

  it("keeps the state filter on every page and lists only records in that state", async () => {
    for (const state of ["DRAFT", "PUBLISHED", "ARCHIVED"] as const) {
      const { rows, addresses } = await walk(herten, `/meine-kommune?art=projekt&stand=${state}`);
      const counts = await countOf("project", "municipality_id = (select id from municipality where slug = 'herten')");
      expect(rows).toHaveLength(counts[state] ?? 0);
      expect(new Set(rows.map((row) => row.title)).size).toBe(rows.length);
      expect(rows.every((row) => row.state === GERMAN[state])).toBe(true);
      expect(addresses.every((address) => address.includes(`stand=${state}`))).toBe(true);
      const mine = Array.from({ length: 120 }, (_, i) => i + 1).filter((i) => STATE(i) === state);
      for (const i of mine)
        expect(rows.map((row) => row.title)).toContain(`Seitenprojekt ${String(i).padStart(3, "0")}`);
    }
  });

  it("reaches every budget line of a strategy, every decision, engagement and indicator", async () => {
    const cases: [string, string, string, number][] = [
      ["haushaltsposten", "budget_line", `strategy_id = ${strategyId}`, 60],
      ["beschluss", "decision", "municipality_id = (select id from municipality where slug = 'herten')", 130],
      ["beauftragung", "engagement", "municipality_id = (select id from municipality where slug = 'herten')", 110],
      ["kennzahl", "indicator", "municipality_id = (select id from municipality where slug = 'herten')", 60],
    ];
    for (const [kind, table, where, added] of cases) {
      const { rows } = await walk(herten, `/meine-kommune?art=${kind}`);
      const inDatabase = Object.values(await countOf(table, where)).reduce((sum, n) => sum + n, 0);
      expect(inDatabase).toBeGreaterThanOrEqual(added);
      // Budget lines of Herten's other strategies are listed too.
      if (kind === "haushaltsposten") expect(rows.length).toBeGreaterThanOrEqual(inDatabase);
      else expect(rows, kind).toHaveLength(inDatabase);
      // Engagements are named by provider and role, the others by their own titles.
      if (kind === "beauftragung") continue;
      const titles = rows
        .map((row) => row.title)
        .filter((title) => /Seiten(posten|beschluss|kennzahl) \d{3}$/.test(title));
      expect(titles, kind).toHaveLength(added);
      expect(new Set(titles).size, kind).toBe(added);
    }
  });

  it("counts each kind per state as the database does, and says when the overview shows only the latest changes", async () => {
    const projects = await countOf("project", "municipality_id = (select id from municipality where slug = 'herten')");
    const decisions = await countOf(
      "decision",
      "municipality_id = (select id from municipality where slug = 'herten')",
    );
    for (const state of [null, "DRAFT", "PUBLISHED", "ARCHIVED"] as const) {
      const page = await herten.request(state ? `/meine-kommune?stand=${state}` : "/meine-kommune");
      expect(page.status).toBe(200);
      const count = (plural: string) =>
        Number(new RegExp(`<th scope="row">${plural}</th><td>(\\d+)</td>`).exec(page.text)?.[1]);
      const expected = (counts: Record<string, number>) =>
        state ? (counts[state] ?? 0) : Object.values(counts).reduce((sum, n) => sum + n, 0);
      expect(count("Projekte"), String(state)).toBe(expected(projects));
      expect(count("Beschlüsse"), String(state)).toBe(expected(decisions));
      const link = state ? `/meine-kommune?art=projekt&amp;stand=${state}` : "/meine-kommune?art=projekt";
      expect(page.text).toContain(`<a href="${link}">Alle<span class="visually-hidden"> Projekte</span> anzeigen</a>`);
      expect(page.text).toMatch(/Die Übersicht zeigt nur die 50 zuletzt geänderten von \d+ Einträgen/);
      expect(rowsOf(page.text)).toHaveLength(50);
      expect(page.text).not.toContain("Ratinger");
    }
  });

  it("links a published decision, indicator and engagement to its anchor on the city page, and a draft to nothing", async () => {
    const { rows: decisions } = await walk(herten, "/meine-kommune?art=beschluss");
    const city = await herten.request("/kommunen/herten");
    const anonymousCity = await fetch(hub.origin + "/kommunen/herten").then((response) => response.text());
    const published = decisions.filter((row) => row.state === "Veröffentlicht");
    const linked = published.filter((row) => row.href);
    // The city page lists the first 100 published decisions: those beyond it get no link.
    expect(linked).toHaveLength(Math.min(100, published.length));
    expect(published.length).toBeGreaterThan(linked.length);
    for (const row of linked) {
      expect(row.href).toMatch(/^\/kommunen\/herten#/);
      const id = decodeURIComponent(row.href!.split("#")[1]);
      expect(anonymousCity, row.title).toContain(`id="${id}"`);
    }
    expect(decisions.find((row) => row.title === "Seitenbeschluss 001")?.href).toBeNull(); // 1 % 3: a draft
    expect(decisions.find((row) => row.title === "Seitenbeschluss 003")?.href).toBe(
      "/kommunen/herten#beschluss-seite-003",
    );
    expect(anonymousCity).not.toContain('id="beschluss-seite-001"');
    expect(city.status).toBe(200);

    const { rows: indicators } = await walk(herten, "/meine-kommune?art=kennzahl");
    const shownIndicators = indicators.filter((row) => row.href);
    expect(shownIndicators.length).toBeLessThanOrEqual(20);
    for (const row of shownIndicators)
      expect(anonymousCity).toContain(`id="${decodeURIComponent(row.href!.split("#")[1])}"`);
    expect(indicators.filter((row) => row.state === "Entwurf").every((row) => row.href === null)).toBe(true);

    const { rows: engagements } = await walk(herten, "/meine-kommune?art=beauftragung");
    const shownEngagements = engagements.filter((row) => row.href);
    expect(shownEngagements.length).toBeGreaterThan(0);
    for (const row of shownEngagements)
      expect(anonymousCity).toContain(`id="${decodeURIComponent(row.href!.split("#")[1])}"`);
    expect(engagements.filter((row) => row.state !== "Veröffentlicht").every((row) => row.href === null)).toBe(true);
  });

  it("pages a city's decisions and a strategy's budget through the API with first and offset, each exactly once", async () => {
    const page = `query($offset: Int!) { municipality(slug: "herten") { decisions(first: 40, offset: $offset) { key publicationState } } }`;
    const read = async (token?: string) => {
      const keys: string[] = [];
      for (let offset = 0; ; offset += 40) {
        const answer = await gql(hub, page, { offset }, token);
        expect(answer.errors).toBeUndefined();
        const decisions = answer.data!.municipality.decisions as { key: string; publicationState: string }[];
        keys.push(...decisions.map((decision) => `${decision.key}:${decision.publicationState}`));
        if (decisions.length < 40) return keys;
      }
    };
    const counts = await countOf("decision", "municipality_id = (select id from municipality where slug = 'herten')");
    const editor = await read(tokens.editors.herten);
    expect(editor).toHaveLength(Object.values(counts).reduce((sum, n) => sum + n, 0));
    expect(new Set(editor).size).toBe(editor.length);
    const anonymous = await read();
    expect(anonymous).toHaveLength(counts.PUBLISHED);
    expect(anonymous.every((entry) => entry.endsWith(":PUBLISHED"))).toBe(true);
    // One statement for several strategies: each strategy's own window.
    const budgets = await gql(
      hub,
      `{ municipality(slug: "herten") { strategies { slug budget(first: 10, offset: 50) { description } } } }`,
      {},
      tokens.editors.herten,
    );
    const mine = (budgets.data!.municipality.strategies as { slug: string; budget: { description: string }[] }[]).find(
      (strategy) => strategy.slug === strategySlug,
    )!;
    const [{ n }] = await sql<{ n: string }>("select count(*) as n from budget_line where strategy_id = ?", [
      strategyId,
    ]);
    expect(mine.budget).toHaveLength(Math.min(10, Number(n) - 50));
  });

  it.each([
    ["a negative offset", -1, "offset must not be negative"],
    ["an oversized offset", 100_001, "offset must be at most 100000"],
  ])("refuses %s with BAD_USER_INPUT", async (_what, offset, message) => {
    const answer = await gql(
      hub,
      `query($offset: Int!) { municipality(slug: "herten") { indicators(offset: $offset) { key } } }`,
      {
        offset,
      },
    );
    expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0].message).toContain(message);
  });

  it.each([
    ["an unknown kind", "art=gemeinde", "Unbekannte Art „gemeinde“"],
    [
      "markup as the kind",
      "art=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "Unbekannte Art „&lt;script>alert(1)&lt;/script>“",
    ],
    ["an oversized kind", `art=${"x".repeat(5000)}`, "Unbekannte Art „xxxxxxxx"],
    ["an unknown state", "stand=%00", "Unbekannter Stand"],
    ["a repeated kind", "art=projekt&art=quelle", "darf nur einmal"],
    ["a page that is no number", "art=projekt&seite=abc", "keine Seitenzahl"],
    ["a cursor-like page", "art=projekt&seite=eyJhIjoxfQ", "keine Seitenzahl"],
    ["page zero", "art=projekt&seite=0", "keine Seitenzahl"],
    ["a negative page", "art=projekt&seite=-1", "keine Seitenzahl"],
    ["an oversized page number", "art=projekt&seite=99999999999999999999", "keine Seitenzahl"],
    ["a page past the end", "art=projekt&seite=999999", "Seite 999999 gibt es nicht: Die Liste hat 3 Seiten"],
    ["a page without a kind", "seite=2", "Seiten gibt es nur in der Liste einer Art"],
  ])("answers %s with 400 and a German reason", async (_what, search, message) => {
    const page = await herten.request(`/meine-kommune?${search}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain(message);
    expect(page.text).toContain('role="alert"');
    expect(page.text).not.toContain("<script>alert");
    expect(rowsOf(page.text)).toHaveLength(0);
  });

  it("shows Ratingen's editor only Ratingen's records, and Herten's none", async () => {
    const ratingen = new EditorBrowser(hub.origin);
    await ratingen.signIn(tokens.editors.ratingen);
    const { rows } = await walk(ratingen, "/meine-kommune?art=projekt");
    expect(rows.filter((row) => row.title.startsWith("Ratinger Seitenprojekt"))).toHaveLength(5);
    expect(rows.some((row) => row.title.startsWith("Seitenprojekt"))).toBe(false);
    const ratingenWhere = "municipality_id = (select id from municipality where slug = 'ratingen')";
    const tables = { beschluss: "decision", kennzahl: "indicator", beauftragung: "engagement" };
    for (const [kind, table] of Object.entries(tables)) {
      const { rows: others } = await walk(ratingen, `/meine-kommune?art=${kind}`);
      const counts = await countOf(table, ratingenWhere);
      expect(others, kind).toHaveLength(Object.values(counts).reduce((sum, n) => sum + n, 0));
      expect(
        others.some((row) => /^Seiten/.test(row.title)),
        kind,
      ).toBe(false);
    }
    const { rows: lines } = await walk(ratingen, "/meine-kommune?art=haushaltsposten");
    expect(lines.some((row) => row.title.includes("Seitenposten"))).toBe(false);
    const overview = await ratingen.request("/meine-kommune");
    expect(overview.text).not.toContain("Seitenprojekt 0");
  });
});
