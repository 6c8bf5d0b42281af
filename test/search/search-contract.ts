/**
 * The query semantics every search engine must meet, as one suite: run for PostgreSQL
 * always (test/search/postgres-engine.test.ts) and for Meilisearch whenever MEILI_HOST
 * is set (test/search/meilisearch-engine.test.ts). Fixture records are written through
 * the ORM, as editors will write them, so the suite also proves the index follows writes.
 */
import { type EntityManager, ref } from "@mikro-orm/core";
import type { MikroORM } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import type {
  SearchEngine,
  SearchFilterSpec,
  SearchResponse,
  SearchType,
} from "../../schema/search/search-engine.port.js";

/** An engine under test, on a database of its own holding the seed data. */
export interface EngineUnderTest {
  engine: SearchEngine;
  orm: MikroORM;
  /** Resolves once the engine reflects every committed write (at once for PostgreSQL; the outbox drained for Meilisearch). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const { PUBLISHED, DRAFT } = PublicationState;

/** Runs the shared contract against the engine `open` returns. */
export function searchContract(name: string, open: () => Promise<EngineUnderTest>): void {
  describe(`search contract: ${name}`, () => {
    let subject: EngineUnderTest;
    const ids = new Map<string, number>();

    const writer = (): EntityManager => {
      const em = subject.orm.em.fork();
      em.setFilterParams(VISIBILITY_FILTER, { scope: "all" });
      return em;
    };

    async function search(
      query: string,
      filter: SearchFilterSpec = {},
      limit = 50,
      offset = 0,
    ): Promise<SearchResponse> {
      return subject.engine.search({ query, filter, limit, offset, facets: true });
    }

    /** `type:slug` (or `type:#id` for fields of action) of each hit, best first. */
    async function found(query: string, filter: SearchFilterSpec = {}): Promise<string[]> {
      const { hits } = await search(query, filter);
      const names = new Map([...ids].map(([key, id]) => [`${key.split(":")[0]}:${id}`, key]));
      return hits.map((hit) => names.get(`${hit.type}:${hit.entityId}`) ?? `${hit.type}:#${hit.entityId}`);
    }

    async function remember(type: SearchType, slug: string): Promise<void> {
      const em = writer();
      const entity = { Project, Strategy, LessonLearned, Municipality }[type as "Project"];
      const record = await em.findOneOrFail(entity, { slug } as never);
      ids.set(`${type}:${slug}`, record.id);
    }

    beforeAll(async () => {
      subject = await open();
      const em = writer();
      const town = new Municipality("suchstadt", "Suchstadt", "09999001", State.HE);
      em.persist(town);
      const project = (slug: string, title: string, summary: string, note: string | null = null, state = PUBLISHED) => {
        const record = new Project(slug, title, summary, ref(town), ProjectStatus.IN_PROGRESS);
        record.note = note;
        record.publicationState = state;
        em.persist(record);
        return record;
      };
      project("suchstadt-wegweiser", "Wegweiser für Städte", "Neue Beschilderung an jeder Straße.");
      project("suchstadt-eakte", "Einführung der eAkte im Bauamt", "Das Bauamt arbeitet papierlos.");
      project("suchstadt-title", "Quellwasserzähler für alle Brunnen", "Ablesung per Funk.");
      project("suchstadt-summary", "Funkablesung der Brunnen", "Jeder Quellwasserzähler meldet sich selbst.");
      project(
        "suchstadt-body",
        "Brunnenkataster",
        "Ein Verzeichnis der Brunnen.",
        "Später kommen Quellwasserzähler dazu.",
      );
      project("suchstadt-exact", "Zählerwerk Nord", "Die Anlage im Norden.");
      project("suchstadt-anmeldung", "Elternportal", "Die Anmeldung für den Kindergarten geht jetzt online.");
      project("suchstadt-typo", "Zahlwerk Süd", "Die Anlage im Süden.");
      project("suchstadt-hostile", "Kita <script>alert(1)</script> & Co", "Ein Titel mit <b>Markup</b> & Zeichen.");
      project("suchstadt-draft", "Geheimprojekt Nebelhorn", "Noch nicht öffentlich.", null, DRAFT);
      const strategy = new Strategy(
        "suchstadt-strategie",
        "Suchstadt digital",
        ref(town),
        StrategyStatus.IN_PREPARATION,
        "Die Strategie der Suchstadt.",
      );
      strategy.publicationState = DRAFT;
      em.persist(strategy);
      const field = new FieldOfAction(ref(strategy), 1, "Handlungsfeld Leuchtturmfeld");
      field.publicationState = PUBLISHED;
      em.persist(field);
      await em.flush();
      ids.set("Municipality:suchstadt", town.id);
      ids.set("FieldOfAction:leuchtturm", field.id);
      for (const slug of [
        "suchstadt-anmeldung",
        "suchstadt-wegweiser",
        "suchstadt-eakte",
        "suchstadt-title",
        "suchstadt-summary",
        "suchstadt-body",
        "suchstadt-exact",
        "suchstadt-typo",
        "suchstadt-hostile",
        "suchstadt-draft",
      ]) {
        await remember("Project", slug);
      }
      for (const slug of ["herten-kita-online", "kelsterbach-kindergartenverwaltung", "kelsterbach-e-akte"])
        await remember("Project", slug);
      await remember("Strategy", "suchstadt-strategie");
      await subject.settle();
    });
    afterAll(() => subject?.close());

    describe("German words", () => {
      it("stems: Digitalisierungsstrategien finds Digitalisierungsstrategie, Schulen finds Schule", async () => {
        const strategies = await search("Digitalisierungsstrategien");
        expect(strategies.totalCount).toBeGreaterThan(0);
        expect(strategies.hits[0].highlights.map((h) => h.snippet).join(" ")).toMatch(
          /<mark>[^<]*Digitalisierungs-?[Ss]trategie/i,
        );
        const schools = await search("Schulen", { types: ["Project"] });
        const kelsterbachSchool = await search("Schule", { municipalities: ["kelsterbach"] });
        expect(kelsterbachSchool.totalCount).toBeGreaterThan(0);
        expect(schools.totalCount).toBeGreaterThan(0);
      });

      it("folds umlauts and ß: Staedte finds Städte, Strasse finds Straße", async () => {
        expect(await found("Staedte")).toContain("Project:suchstadt-wegweiser");
        expect(await found("Städte")).toContain("Project:suchstadt-wegweiser");
        expect(await found("Strasse")).toContain("Project:suchstadt-wegweiser");
      });

      it("treats eAkte, E-Akte and E Akte as the same word", async () => {
        for (const query of ["eAkte", "E-Akte", "E Akte", "e-akte"]) {
          const hits = await found(query);
          expect(hits, query).toContain("Project:suchstadt-eakte");
          expect(hits, query).toContain("Project:kelsterbach-e-akte");
        }
      });
    });

    describe("typos", () => {
      it("tolerates one typo from 5 letters and two from 9", async () => {
        expect((await search("Digitalisierungstrategie")).totalCount).toBeGreaterThan(0);
        expect(await found("Kindergaten")).toContain("Project:herten-kita-online");
        expect(await found("Quellwaserzähler")).toContain("Project:suchstadt-title");
      });

      it("counts two swapped neighbours as one typo", async () => {
        expect(await found("Quellwasserzälher")).toContain("Project:suchstadt-title");
        expect((await search("Scuhle", { municipalities: ["kelsterbach"] })).totalCount).toBeGreaterThan(0);
      });

      it("does not correct words of under 5 letters", async () => {
        expect((await search("Kitx")).totalCount).toBe(0);
      });

      it("ranks exact matches above typo matches", async () => {
        const hits = await found("Zählerwerk");
        expect(hits).toContain("Project:suchstadt-typo");
        expect(hits.indexOf("Project:suchstadt-exact")).toBeLessThan(hits.indexOf("Project:suchstadt-typo"));
      });
    });

    describe("synonyms", () => {
      it("Kita finds Herten's Kita software and Kelsterbach's digital kindergarten administration", async () => {
        const hits = await found("Kita");
        expect(hits).toContain("Project:herten-kita-online");
        expect(hits).toContain("Project:kelsterbach-kindergartenverwaltung");
      });

      it("a part of a compound finds its synonyms: Kita-Anmeldung finds an Anmeldung für den Kindergarten", async () => {
        const hits = await found("Kita-Anmeldung");
        expect(hits).toContain("Project:suchstadt-anmeldung");
        expect(hits).toContain("Project:herten-kita-online");
      });

      it("OZG finds the Onlinezugangsgesetz and back", async () => {
        const ozg = await search("OZG");
        const law = await search("Onlinezugangsgesetz");
        expect(ozg.totalCount).toBeGreaterThan(0);
        expect(ozg.totalCount).toBe(law.totalCount);
      });

      it("a multi-word synonym matches: elektronische Akte finds the E-Akte", async () => {
        expect(await found("elektronische Akte")).toContain("Project:kelsterbach-e-akte");
      });

      it("Glasfaser also finds Breitband", async () => {
        const fibre = await search("Glasfaser");
        const broadband = await search("Breitband");
        expect(fibre.totalCount).toBeGreaterThan(0);
        expect(fibre.totalCount).toBe(broadband.totalCount);
      });
    });

    describe("ranking", () => {
      it("a title outranks a summary, which outranks the body", async () => {
        const hits = await found("Quellwasserzähler");
        expect(hits.slice(0, 3)).toEqual([
          "Project:suchstadt-title",
          "Project:suchstadt-summary",
          "Project:suchstadt-body",
        ]);
      });

      it("two words must both match", async () => {
        const both = await search("Glasfaser Schulen");
        const fibre = await search("Glasfaser");
        expect(both.totalCount).toBeGreaterThan(0);
        expect(both.totalCount).toBeLessThanOrEqual(fibre.totalCount);
      });
    });

    describe("snippets", () => {
      it("marks the matched words in HTML-escaped text", async () => {
        const { hits } = await search("Kita", { municipalities: ["suchstadt"] });
        const hostile = hits.find((hit) => hit.entityId === ids.get("Project:suchstadt-hostile"))!;
        const title = hostile.highlights.find((h) => h.field === "title")!;
        expect(title.snippet).toBe("<mark>Kita</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
      });

      it("snippets a long body around the match", async () => {
        const { hits } = await search("Quellwasserzähler");
        const body = hits.find((hit) => hit.entityId === ids.get("Project:suchstadt-body"))!;
        expect(body.highlights.map((h) => h.field)).toEqual(["body"]);
        expect(body.highlights[0].snippet).toContain("<mark>Quellwasserzähler</mark>");
      });
    });

    describe("filters and facets", () => {
      it("narrows by type and municipality, and counts facets over the matches", async () => {
        const result = await search("Digitalisierung", { types: ["Project"], municipalities: ["herten"] });
        expect(result.totalCount).toBeGreaterThan(0);
        expect(result.hits.every((hit) => hit.type === "Project")).toBe(true);
        const facet = (field: string) => result.facets.find((f) => f.field === field)!.values;
        expect(facet("type")).toEqual([{ value: "Project", count: result.totalCount }]);
        expect(facet("municipality")).toEqual([{ value: "herten", count: result.totalCount }]);
        expect(facet("state")).toEqual([{ value: "NW", count: result.totalCount }]);
      });

      it("narrows by state, topic, status and provider", async () => {
        const childcare = await search("", { topics: ["childcare"] });
        expect(childcare.totalCount).toBeGreaterThan(0);
        expect(childcare.facets.find((f) => f.field === "topic")!.values[0]).toEqual({
          value: "childcare",
          count: childcare.totalCount,
        });
        const krzn = await search("", { providers: ["krzn"] });
        expect(krzn.hits.map((hit) => hit.type)).toContain("Provider");
        const hessen = await search("Digitalisierung", { states: ["HE"] });
        expect(hessen.facets.find((f) => f.field === "state")!.values.map((v) => v.value)).toEqual(["HE"]);
        const planned = await search("", { statuses: ["PLANNED"] });
        expect(planned.facets.find((f) => f.field === "status")!.values).toEqual([
          { value: "PLANNED", count: planned.totalCount },
        ]);
      });

      it("an empty query browses by filter", async () => {
        const providers = await search("", { types: ["Provider"] });
        expect(providers.totalCount).toBe(12);
        expect(providers.hits.every((hit) => hit.type === "Provider" && hit.municipalityId === null)).toBe(true);
      });

      it("pages through the same order", async () => {
        const all = await search("Digitalisierung", {}, 10, 0);
        const second = await search("Digitalisierung", {}, 5, 5);
        expect(second.hits.map((hit) => `${hit.type}:${hit.entityId}`)).toEqual(
          all.hits.slice(5, 10).map((hit) => `${hit.type}:${hit.entityId}`),
        );
      });
    });

    describe("hostile input", () => {
      const inputs = [
        `"Kita`,
        `"E-Akte" "`,
        "&|!():*",
        "Kita & | ! ( ) : * <-> '",
        "'; drop table search_document; --",
        "1' or '1'='1",
        "Kita 🚀🎉 Schule",
        "🚀",
        "x".repeat(300),
        "Kita ".repeat(60),
        "\\ \\\\ '' \" ` $$ $1 ? ??",
        "\u0001\u0002\uE000\uE001 Kita",
      ];
      it.each(inputs.map((input) => [input.slice(0, 40), input]))(
        "answers %j without failing",
        async (_label, input) => {
          const result = await search(input);
          expect(result.totalCount).toBeGreaterThanOrEqual(0);
          for (const hit of result.hits)
            for (const h of hit.highlights) expect(h.snippet).not.toMatch(/[\uE000\uE001]/);
        },
      );
    });

    describe("publication", () => {
      it("never shows drafts, nor fields of action of a draft strategy", async () => {
        expect(await found("Nebelhorn")).toEqual([]);
        expect(await found("Leuchtturmfeld")).toEqual([]);
        expect(await found("Suchstadt digital", { types: ["Strategy"] })).toEqual([]);
      });

      it("publishing adds the record, and the fields of action of a strategy; unpublishing and archiving remove them", async () => {
        let em = writer();
        const draft = await em.findOneOrFail(Project, { slug: "suchstadt-draft" });
        draft.publicationState = PUBLISHED;
        const strategy = await em.findOneOrFail(Strategy, { slug: "suchstadt-strategie" });
        strategy.publicationState = PUBLISHED;
        await em.flush();
        await subject.settle();
        expect(await found("Nebelhorn")).toEqual(["Project:suchstadt-draft"]);
        expect(await found("Leuchtturmfeld")).toEqual(["FieldOfAction:leuchtturm"]);

        em = writer();
        (await em.findOneOrFail(Project, { slug: "suchstadt-draft" })).publicationState = DRAFT;
        (await em.findOneOrFail(Strategy, { slug: "suchstadt-strategie" })).publicationState =
          PublicationState.ARCHIVED;
        await em.flush();
        await subject.settle();
        expect(await found("Nebelhorn")).toEqual([]);
        expect(await found("Leuchtturmfeld")).toEqual([]);
        const facets = (await search("", { municipalities: ["suchstadt"] })).facets.find(
          (f) => f.field === "type",
        )!.values;
        expect(facets.map((v) => v.value)).not.toContain("FieldOfAction");
        expect(facets.map((v) => v.value)).not.toContain("Strategy");
      });

      it("a rename reaches the documents that carry the municipality's name, in the same transaction", async () => {
        const em = writer();
        await em.transactional(async (tx) => {
          const town = await tx.findOneOrFail(Municipality, { slug: "suchstadt" });
          town.name = "Findeburg";
        });
        await subject.settle();
        const hits = await found("Findeburg Quellwasserzähler");
        expect(hits).toEqual(
          expect.arrayContaining(["Project:suchstadt-title", "Project:suchstadt-summary", "Project:suchstadt-body"]),
        );
        expect(await found("Suchstadt Quellwasserzähler")).toEqual([]);
      });

      it("deleting a record removes its document", async () => {
        const em = writer();
        const record = await em.findOneOrFail(Project, { slug: "suchstadt-typo" });
        em.remove(record);
        await em.flush();
        await subject.settle();
        expect(await found("Zahlwerk")).not.toContain("Project:suchstadt-typo");
      });
    });
  });
}
