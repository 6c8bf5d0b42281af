/**
 * `Project.similar` on the seeded database: sensible, explained suggestions from
 * other cities, no padding, and a bounded number of SQL statements.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Product } from "../../schema/product/product.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
});
afterAll(() => hub?.close());

const SIMILAR = /* GraphQL */ `
  query Similar($slug: String!, $first: Int) {
    project(slug: $slug) {
      slug
      municipality {
        slug
      }
      similar(first: $first) {
        project {
          slug
          municipality {
            slug
          }
        }
        score
        reasons
      }
    }
  }
`;

async function similar(
  slug: string,
  first?: number,
): Promise<{ project: { slug: string; municipality: { slug: string } }; score: number; reasons: string[] }[]> {
  const res = await hub.query(SIMILAR, { slug, first });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.project.similar;
}

const seedProject = (slug: string) =>
  seedData.cities
    .flatMap((c) => c.projects.map((p) => ({ ...p, city: c.municipality.slug })))
    .find((p) => p.slug === slug)!;

describe("Project.similar on the seed data", () => {
  it("suggests Kelsterbach's Kita administration for Herten's Kita-Online, with the shared topics as reasons", async () => {
    const suggestions = await similar("herten-kita-online");
    expect(suggestions[0].project.slug).toBe("kelsterbach-kindergartenverwaltung");
    const shared = seedProject("herten-kita-online").topics.filter((t) =>
      seedProject("kelsterbach-kindergartenverwaltung").topics.includes(t),
    );
    expect(suggestions[0].reasons).toEqual(expect.arrayContaining(shared.map((t) => `same topic: ${t}`)));
    expect(suggestions[0].reasons[0]).toBe("same topic: childcare");
  });

  it("pairs the digital building permits of Herten and Kelsterbach, both ways", async () => {
    expect((await similar("herten-digitaler-bauantrag"))[0].project.slug).toBe("kelsterbach-digitale-baugenehmigung");
    expect((await similar("kelsterbach-digitale-baugenehmigung"))[0].project.slug).toBe("herten-digitaler-bauantrag");
  });

  it("pairs the school projects of Ratingen and Hildesheim", async () => {
    const suggestions = await similar("ratingen-schulen-ausstattung");
    expect(suggestions.map((s) => s.project.slug)).toEqual(["hildesheim-medienentwicklungsplan"]);
    expect(suggestions[0].reasons).toEqual(["same topic: schools"]);
  });

  it("does not pad: a project whose topics no other city shares gets an empty list", async () => {
    // Recruiting (Herten) and housing (Kelsterbach): no other city has a project on these topics.
    for (const slug of ["herten-digitales-bewerbermanagement", "kelsterbach-wohnungsverwaltung"]) {
      const { topics, city } = seedProject(slug);
      const sharing = seedData.cities
        .filter((c) => c.municipality.slug !== city)
        .flatMap((c) => c.projects)
        .filter((p) => p.topics.some((t) => topics.includes(t)));
      expect(sharing).toEqual([]);
      expect(await similar(slug, 20), slug).toEqual([]);
    }
  });

  it("does not pad with weak matches: Ratingen's fibre roll-out shares only broad topics and gets nothing", async () => {
    // It shares "infrastructure" and "smart-city" with a few projects elsewhere, but its main topic (broadband) with none.
    const { topics } = seedProject("ratingen-glasfaserausbau");
    const elsewhere = seedData.cities.filter((c) => c.municipality.slug !== "ratingen").flatMap((c) => c.projects);
    expect(elsewhere.some((p) => p.topics.some((t) => topics.includes(t)))).toBe(true);
    expect(elsewhere.some((p) => p.topics.includes("broadband"))).toBe(false);
    expect(await similar("ratingen-glasfaserausbau", 20)).toEqual([]);
  });

  it("only ever suggests other cities' projects, each with a score in (0, 1] and at least one reason, best first", async () => {
    const res = await hub.query(
      `{ projects(first: 100) { nodes { slug municipality { slug } similar(first: 20) { project { slug municipality { slug } } score reasons } } } }`,
    );
    expect(res.errors).toBeUndefined();
    let suggested = 0;
    for (const project of res.data!.projects.nodes) {
      const scores = project.similar.map((s: any) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const s of project.similar) {
        suggested++;
        expect(s.project.municipality.slug).not.toBe(project.municipality.slug);
        expect(s.score).toBeGreaterThanOrEqual(0.25);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(s.reasons.length).toBeGreaterThan(0);
        for (const reason of s.reasons)
          expect(reason).toMatch(/^(same topic|same provider|same product|similar wording): \S/);
      }
    }
    expect(suggested).toBeGreaterThan(0);
  });

  it("respects first, and refuses first above 20 or below 0", async () => {
    expect(await similar("hildesheim-online-rathaus", 1)).toHaveLength(1);
    expect(await similar("hildesheim-online-rathaus", 0)).toEqual([]);
    for (const first of [21, -1]) {
      const res = await hub.query(SIMILAR, { slug: "hildesheim-online-rathaus", first });
      expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("Project.similar with a shared provider and product", () => {
  it("names the shared provider and product of a published Kita project elsewhere", async () => {
    const em = hub.db.orm.em.fork();
    const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
    const project = new Project(
      "ratingen-kita-jugis",
      "Kita-Anmeldung mit JUGIS",
      "Online-Anmeldung für Kitas über das KRZN.",
      ref(ratingen),
      ProjectStatus.PLANNED,
    );
    project.publicationState = PublicationState.PUBLISHED;
    project.topics.set([await em.findOneOrFail(Topic, { key: "childcare" })]);
    project.providers.set([await em.findOneOrFail(Provider, { slug: "krzn" })]);
    project.products.set([await em.findOneOrFail(Product, { slug: "jugis" })]);
    await em.persist(project).flush();

    const suggestions = await similar("herten-kita-online");
    const match = suggestions.find((s) => s.project.slug === "ratingen-kita-jugis")!;
    expect(match.reasons).toEqual(
      expect.arrayContaining(["same topic: childcare", "same provider: KRZN", "same product: JUGIS"]),
    );
    expect(suggestions[0].project.slug).toBe("ratingen-kita-jugis");
  });
});

describe("Project.similar: SQL statements", () => {
  it("costs the same statements for every project of a page, however many projects there are", async () => {
    const query = `{ projects(first: 100) { nodes { slug similar { project { slug } score reasons } } } }`;
    hub.db.resetQueryCount();
    expect((await hub.query(query)).errors).toBeUndefined();
    const before = hub.db.queries.length;
    await addSyntheticCities(hub.db.orm, 20, "similar-synth");
    hub.db.resetQueryCount();
    const res = await hub.query(query);
    expect(res.errors).toBeUndefined();
    expect(res.data!.projects.nodes).toHaveLength(100);
    expect(hub.db.queries.length).toBe(before);
    console.log(`similar: ${before} SQL statements for a page of projects with their suggestions`);
  });
});
