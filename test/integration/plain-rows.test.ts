import { type AnyEntity, type EntityClass, ReferenceKind, ref, wrap } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type DataLoader from "dataloader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Loaders } from "../../schema/common/loaders.js";
import { PlainReader, relatedKey } from "../../schema/common/plain-rows.js";
import { CostItem } from "../../schema/project/cost-item.entity.js";
import { Decision } from "../../schema/decision/decision.entity.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Source } from "../../schema/source/source.entity.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { Product } from "../../schema/product/product.entity.js";
import { Project } from "../../schema/project/project.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import pg from "pg";
import { loadConfig } from "../../server/config.js";
import { openDatabase } from "../../server/database/database.js";
import { createLogger } from "../../server/logger.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // A draft project with a partner city: the seed has neither.
  const em = fork("all");
  const [owner, partner] = await em.find(Municipality, {}, { orderBy: { id: "asc" }, limit: 2 });
  const draft = new Project(
    "plain-rows-draft",
    "Entwurf",
    "Noch nicht veröffentlicht.",
    ref(owner),
    ProjectStatus.PLANNED,
  );
  draft.partners.add(partner);
  await em.persist(draft).flush();
});

afterAll(async () => {
  await db?.close();
});

/** A request's EntityManager; `all` reads drafts too, as an admin's requests do. */
function fork(scope: "public" | "all" = "all"): EntityManager {
  const em = db.orm.em.fork() as EntityManager;
  em.setFilterParams("visible", { scope });
  return em;
}

/** Every column property of an entity: what a plain instance must carry as the ORM's entity does. */
function columnProperties(em: EntityManager, entity: EntityClass<unknown>) {
  return em
    .getMetadata()
    .get(entity.name)
    .props.filter(
      (prop) =>
        prop.fieldNames?.length === 1 &&
        (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE),
    );
}

/** The value of a property as compared: a related row by its id. */
function comparable(value: unknown): unknown {
  if (value && typeof value === "object" && "id" in value) return { ref: (value as { id: unknown }).id };
  return value;
}

const ENTITIES: EntityClass<AnyEntity & { id: number }>[] = [
  Municipality,
  Strategy,
  FieldOfAction,
  Project,
  Topic,
  Provider,
  Product,
  CostItem,
  Decision,
  Source,
  LessonLearned,
];

describe("plain, untracked instances of the read edges (schema/common/plain-rows.ts)", () => {
  for (const entity of ENTITIES) {
    it(`${entity.name}: every row carries the values the ORM's entity has, getters included`, async () => {
      const orm = fork();
      const tracked = await orm.find(entity, {}, { orderBy: { id: "asc" } as never });
      const em = fork();
      const plain = await new PlainReader(em).find(entity, {}, { id: "asc" } as never);
      expect(plain.length).toBeGreaterThan(0);
      expect(plain.map((row) => row.id)).toEqual(tracked.map((row) => row.id));
      const properties = columnProperties(em, entity);
      expect(properties.length).toBeGreaterThan(3);
      for (const [index, row] of plain.entries()) {
        const expected = tracked[index] as Record<string, unknown>;
        const actual = row as Record<string, unknown>;
        expect(row).toBeInstanceOf(entity);
        expect(row.constructor.name).toBe(entity.name);
        for (const prop of properties)
          expect(comparable(actual[prop.name]), prop.name).toEqual(comparable(expected[prop.name]));
        expect(actual.nodeId).toBe(expected.nodeId);
        expect(actual.publicUpdatedAt).toEqual(expected.publicUpdatedAt);
      }
      // Nothing of it went into the ORM's unit of work: no entity of the type is managed by this fork.
      expect(
        em
          .getUnitOfWork()
          .getIdentityMap()
          .values()
          .filter((item) => item instanceof entity),
      ).toEqual([]);
      // Setting a property of a plain instance neither throws nor marks anything for a flush.
      (plain[0] as Record<string, unknown>).id = plain[0].id;
      await em.flush();
      expect(db.queries.some((sql) => /^update /i.test(sql))).toBe(false);
    });
  }

  it("a many-to-one relation is the ORM's reference to the related row", async () => {
    const em = fork();
    const [project] = await new PlainReader(em).find(Project, {}, { id: "asc" } as never);
    expect(project.municipality.id).toBeGreaterThan(0);
    expect(wrap(project.municipality.unwrap()).isInitialized()).toBe(false);
    const municipality = await project.municipality.load();
    expect(municipality?.id).toBe(project.municipality.id);
  });

  it("makes a many-to-one reference when it is first read, once per related row of a reader", async () => {
    const em = fork();
    const projects = await new PlainReader(em).find(Project, {}, { id: "asc" } as never);
    const managedCities = () =>
      em
        .getUnitOfWork()
        .getIdentityMap()
        .values()
        .filter((item) => item instanceof Municipality);
    const [first] = projects;
    const sameCity = projects.find(
      (other) => other !== first && relatedKey(other, "municipality") === relatedKey(first, "municipality"),
    )!;
    expect(sameCity).toBeDefined();
    // The key is there without the reference.
    expect(relatedKey(first, "municipality")).toBeGreaterThan(0);
    expect(managedCities()).toEqual([]);
    expect(first.municipality.id).toBe(relatedKey(first, "municipality"));
    expect(managedCities()).toHaveLength(1);
    expect(sameCity.municipality).toBe(first.municipality);
    // Kept on the instance once made; the key reads from it then.
    expect(Object.getOwnPropertyNames(first)).toContain("municipality");
    expect(relatedKey(first, "municipality")).toBe(first.municipality.id);
  });

  it("a missing many-to-one relation reads as null; one set on an instance stands", async () => {
    const em = fork();
    const projects = await new PlainReader(em).find(Project, {}, { id: "asc" } as never);
    const withoutStrategy = projects.find((project) => project.strategy === null);
    expect(withoutStrategy).toBeDefined();
    expect(relatedKey(withoutStrategy!, "strategy")).toBeNull();
    const [strategy] = await new PlainReader(em).find(Strategy, {}, { id: "asc" } as never);
    withoutStrategy!.strategy = ref(strategy);
    expect(withoutStrategy!.strategy?.id).toBe(strategy.id);
    expect(relatedKey(withoutStrategy!, "strategy")).toBe(strategy.id);
    const other = projects.find((project) => project !== withoutStrategy)!;
    other.municipality = ref(await em.findOneOrFail(Municipality, { id: { $ne: other.municipality.id } }));
    expect(relatedKey(other, "municipality")).toBe(other.municipality.id);
    expect(relatedKey(projects[0], "nonexistent")).toBeNull();
  });

  it("reads through the ORM's filters: the public's scope hides drafts, as the ORM's own reads do", async () => {
    for (const entity of [Project, Strategy, FieldOfAction]) {
      const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
      const publicRows = await new PlainReader(fork("public")).find(entity as EntityClass<Project>, {}, { id: "asc" });
      const allRows = await new PlainReader(fork("all")).find(entity as EntityClass<Project>, {}, { id: "asc" });
      const orm = fork("public");
      expect(ids(publicRows)).toEqual(
        ids(await orm.find(entity as EntityClass<Project>, {}, { orderBy: { id: "asc" } })),
      );
      expect(publicRows.length).toBeGreaterThan(0);
      expect(allRows.length).toBeGreaterThanOrEqual(publicRows.length);
    }
    // The seed holds drafts: the filter has something to hide.
    const drafts = await new PlainReader(fork("all")).find(Project, {
      publicationState: { $ne: "PUBLISHED" },
    } as never);
    const visibleDrafts = await new PlainReader(fork("public")).find(Project, {
      publicationState: { $ne: "PUBLISHED" },
    } as never);
    expect(visibleDrafts).toEqual([]);
    expect(drafts.length).toBeGreaterThan(0);
  });
});

describe("many-to-many lists read from the pivot table (Loaders.related)", () => {
  const RELATIONS = [
    [Project, "topics", "key"],
    [Project, "providers", "name"],
    [FieldOfAction, "topics", "key"],
    [Project, "products", "name"],
    [Project, "partners", "name"],
    [Strategy, "decisions", "title"],
    // Sources have the visibility filter: joined as the ORM's own query of their rows.
    [Project, "sources", "key"],
  ] as const;

  for (const [owner, property, sortBy] of RELATIONS) {
    it(`${owner.name}.${property}: the same lists, in the same order, as the ORM's populate`, async () => {
      const em = fork();
      const owners = await em.find(
        owner as EntityClass<AnyEntity & { id: number }>,
        {},
        { orderBy: { id: "asc" } as never },
      );
      await em.populate(owners, [property] as never);
      const compare =
        sortBy === "name" ? new Intl.Collator("de").compare : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const expected = owners.map((item) =>
        [...(item as unknown as Record<string, { getItems(): Record<string, unknown>[] }>)[property].getItems()]
          .sort((a, b) => compare(String(a[sortBy]), String(b[sortBy])))
          .map((related) => related.id),
      );
      const loaders = new Loaders(fork());
      const lists = await loaders.related(owner as never, property as never, sortBy as never).loadMany(owners as never);
      const actual = (lists as { id: number }[][]).map((list) => list.map((related) => related.id));
      expect(actual).toEqual(expected);
      expect(expected.flat().length).toBeGreaterThan(0);
      // A related row shared by several owners is one instance.
      const all = (lists as object[][]).flat();
      const byId = new Map<number, object>();
      for (const item of all as { id: number }[]) {
        if (byId.has(item.id)) expect(byId.get(item.id)).toBe(item);
        byId.set(item.id, item);
      }
    });
  }
});

describe("many-to-many lists with only the columns a query asks (Loaders.related with columns)", () => {
  it("reads those and the sort's, the same lists; a property left out fails loudly, and full lists stay apart", async () => {
    const em = fork();
    const projects = await em.find(Project, {}, { orderBy: { id: "asc" } });
    const loaders = new Loaders(fork());
    const full = (await loaders
      .related<Project, Provider>(Project, "providers", "name")
      .loadMany(projects)) as Provider[][];
    db.resetQueryCount();
    const narrow = (await loaders
      .related<Project, Provider>(Project, "providers", "name", ["slug"])
      .loadMany(projects)) as Provider[][];
    expect(narrow.map((list) => list.map((item) => [item.id, item.slug, item.name]))).toEqual(
      full.map((list) => list.map((item) => [item.id, item.slug, item.name])),
    );
    expect(full.flat().length).toBeGreaterThan(0);
    expect(db.queries).toHaveLength(1);
    expect(db.queries[0]).toMatch(/"t"\."id", "t"\."name", "t"\."slug" from/);
    expect(() => JSON.stringify(narrow.flat()[0].description)).toThrow(/Provider\.description was not read/);
    expect(full.flat()[0].description).toEqual(expect.any(String));
    // Both kinds of one tick, each a statement of its own: a full list never holds narrowed instances.
    const mixed = new Loaders(fork());
    const [narrowed, whole] = await Promise.all([
      mixed.related<Project, Topic>(Project, "topics", "key", ["key"]).loadMany(projects),
      mixed.related<Project, Topic>(Project, "topics", "key").loadMany(projects),
    ]);
    expect((whole as Topic[][]).flat().every((topic) => typeof topic.description === "string")).toBe(true);
    expect((narrowed as Topic[][]).map((list) => list.map((topic) => topic.key))).toEqual(
      (whole as Topic[][]).map((list) => list.map((topic) => topic.key)),
    );
  });
});

describe("narrowed many-to-many lists of one tick with several related types, in one statement", () => {
  it("reads a page of projects' topics and providers and their fields' topics at once, each the same as alone", async () => {
    const em = fork();
    const projects = await em.find(Project, {}, { orderBy: { id: "asc" } });
    const fields = await em.find(FieldOfAction, {}, { orderBy: { id: "asc" } });
    const alone = new Loaders(fork());
    const topics = (await alone
      .related<Project, Topic>(Project, "topics", "key", ["key"])
      .loadMany(projects)) as Topic[][];
    const providers = (await alone
      .related<Project, Provider>(Project, "providers", "name", ["slug"])
      .loadMany(projects)) as Provider[][];
    const fieldTopics = (await alone
      .related<FieldOfAction, Topic>(FieldOfAction, "topics", "key", ["key", "labelDe"])
      .loadMany(fields)) as Topic[][];
    const together = new Loaders(fork());
    db.resetQueryCount();
    const [t, p, f] = (await Promise.all([
      together.related<Project, Topic>(Project, "topics", "key", ["key"]).loadMany(projects),
      together.related<Project, Provider>(Project, "providers", "name", ["slug"]).loadMany(projects),
      together.related<FieldOfAction, Topic>(FieldOfAction, "topics", "key", ["key", "labelDe"]).loadMany(fields),
    ])) as [Topic[][], Provider[][], Topic[][]];
    expect(db.queries).toHaveLength(1);
    const shown = (lists: object[][], keys: string[]) =>
      lists.map((list) => list.map((item) => keys.map((key) => (item as Record<string, unknown>)[key])));
    expect(shown(t, ["id", "key"])).toEqual(shown(topics, ["id", "key"]));
    expect(shown(p, ["id", "slug", "name"])).toEqual(shown(providers, ["id", "slug", "name"]));
    expect(shown(f, ["id", "key", "labelDe"])).toEqual(shown(fieldTopics, ["id", "key", "labelDe"]));
    expect([t, p, f].every((lists) => lists.flat().length > 0)).toBe(true);
    // Each list's instances carry their own read's columns, not another's.
    expect(() => JSON.stringify(t.flat()[0].labelDe)).toThrow(/Topic\.labelDe was not read/);
    expect(f.flat()[0].labelDe).toEqual(expect.any(String));
    expect(() => JSON.stringify(p.flat()[0].description)).toThrow(/Provider\.description was not read/);
  });
});

describe("the many-to-many lists of one tick with one related type, in one statement (Loaders.readPivots)", () => {
  /** The cities, strategies, projects and decisions: each kind of record cites sources. */
  async function citingRecords(em: EntityManager) {
    // Options of their own for each find: the ORM writes into them.
    const byId = () => ({ orderBy: { id: "asc" } }) as const;
    return [
      [Municipality, await em.find(Municipality, {}, byId())],
      [Strategy, await em.find(Strategy, {}, byId())],
      [Project, await em.find(Project, {}, byId())],
      [Decision, await em.find(Decision, {}, byId())],
    ] as const;
  }
  const sourceIds = (lists: readonly (readonly { id: number }[] | Error)[]) =>
    lists.map((list) => (list instanceof Error ? list : list.map((source) => source.id)));
  const sourceStatements = () => db.queries.filter((sql) => /from \(+select 0 as "__pivot_part"/.test(sql)).length;

  for (const scope of ["public", "all"] as const) {
    it(`${scope}: each kind's lists are those it gets alone, from one statement`, async () => {
      const records = await citingRecords(fork(scope));
      const alone = [];
      for (const [owner, rows] of records) {
        const loader = new Loaders(fork(scope)).related(owner as never, "sources" as never, "key" as never);
        alone.push(sourceIds((await loader.loadMany(rows as never)) as { id: number }[][]));
      }
      expect(alone.flat(2).length).toBeGreaterThan(0);
      const loaders = new Loaders(fork(scope));
      const before = sourceStatements();
      const together = await Promise.all(
        records.map(([owner, rows]) =>
          loaders.related(owner as never, "sources" as never, "key" as never).loadMany(rows as never),
        ),
      );
      expect(sourceStatements() - before).toBe(1);
      expect(together.map((lists) => sourceIds(lists as { id: number }[][]))).toEqual(alone);
      // A source cited by several kinds of record is one instance.
      const byId = new Map<number, object>();
      for (const item of together.flat(2) as { id: number }[]) {
        if (byId.has(item.id)) expect(byId.get(item.id)).toBe(item);
        byId.set(item.id, item);
      }
    });
  }

  it("a failed statement rejects the loads of every kind, leaving no rejection unhandled", async () => {
    const records = await citingRecords(fork());
    const loaders = new Loaders(fork());
    // An id that is no integer fails the one statement, and with it every kind's loads.
    const broken = { id: "no number" };
    const outcomes = await Promise.allSettled(
      records.map(([owner, rows], index) =>
        loaders
          .related(owner as never, "sources" as never, "key" as never)
          .load((index === 0 ? broken : rows[0]) as never),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(records.map(() => "rejected"));
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/integer/);
  });
});

describe("loading ahead (Loaders.loadAhead)", () => {
  const pivotStatements = () => db.queries.filter((sql) => sql.includes('"project_topics"')).length;

  it("loads the keys of all calls of one tick in one statement, the same lists as loadMany", async () => {
    const em = fork();
    const projects = await em.find(Project, {}, { orderBy: { id: "asc" } });
    expect(projects.length).toBeGreaterThan(3);
    const half = Math.floor(projects.length / 2);
    const idsOf = (lists: readonly (readonly { id: number }[] | Error)[]) =>
      lists.map((list) => (list instanceof Error ? list : list.map((topic) => topic.id)));
    const expected = idsOf(
      await new Loaders(fork()).related<Project, Topic>(Project, "topics", "key").loadMany(projects),
    );
    expect(expected.flat().length).toBeGreaterThan(0);
    const loaders = new Loaders(em);
    const topics = loaders.related<Project, Topic>(Project, "topics", "key");
    const before = pivotStatements();
    const [front, back, again] = await Promise.all([
      loaders.loadAhead(topics, projects.slice(0, half)),
      loaders.loadAhead(topics, projects.slice(half)),
      loaders.loadAhead(topics, [projects[0], projects[0]]),
    ]);
    expect(pivotStatements() - before).toBe(1);
    expect(idsOf([...front, ...back])).toEqual(expected);
    expect(idsOf(again)).toEqual([expected[0], expected[0]]);
    expect(again[0]).toBe(front[0]);
    // Loaded keys are answered from the settled values: no statement, no promise per resolver.
    expect(idsOf(await loaders.loadAhead(topics, projects))).toEqual(expected);
    expect(pivotStatements() - before).toBe(1);
    expect(loaders.settledOr(topics, projects[1], projects[1].id)).toBe(front[1]);
  });

  it("a key loading already is not loaded again by a later tick's call", async () => {
    const loaders = new Loaders(fork());
    const projects = await fork().find(Project, {}, { orderBy: { id: "asc" } });
    const topics = loaders.related<Project, Topic>(Project, "topics", "key");
    const before = pivotStatements();
    const first = loaders.loadAhead(topics, projects);
    await new Promise((resolve) => setImmediate(resolve));
    const second = loaders.loadAhead(topics, projects);
    expect(await second).toEqual(await first);
    expect(pivotStatements() - before).toBe(1);
  });

  it("a failed batch rejects every call waiting for it, and its keys can be asked again", async () => {
    const loaders = new Loaders(fork());
    const broken = loaders.byParent(Project, "noSuchProperty" as never);
    const calls = [loaders.loadAhead(broken, [1, 2]), loaders.loadAhead(broken, [2, 3])];
    for (const call of calls) await expect(call).rejects.toThrow(/noSuchProperty/);
    await expect(loaders.loadAhead(broken, [2])).rejects.toThrow(/noSuchProperty/);
  });

  it("a call waiting for two batches that both fail rejects once, leaving no rejection unhandled", async () => {
    const loaders = new Loaders(fork());
    // Text keys for an integer column: PostgreSQL refuses the statement, after a round trip.
    const refused = loaders.byParent(Project, "municipality") as unknown as DataLoader<string, Project[]>;
    const first = loaders.loadAhead(refused, ["x"]);
    // The first batch has started; the second call waits for it and gathers a batch of its own for "y".
    await new Promise((resolve) => setImmediate(resolve));
    const second = loaders.loadAhead(refused, ["x", "y"]);
    await expect(first).rejects.toThrow(/invalid input syntax for type integer/);
    await expect(second).rejects.toThrow(/invalid input syntax for type integer/);
    // Vitest fails the run on an unhandled rejection; give the second batch's a chance to surface.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it("takes a loader it did not make through loadMany", async () => {
    const loaders = new Loaders(fork());
    const [project] = await fork().find(Project, {}, { orderBy: { id: "asc" }, limit: 1 });
    expect(await loaders.loadAhead(loaders.byId(Project), [project.id])).toEqual([
      expect.objectContaining({ id: project.id, slug: project.slug }),
    ]);
  });
});

describe("one run for the items of one tick's calls (Loaders.together)", () => {
  const nextTick = () => new Promise((resolve) => setImmediate(resolve));

  it("runs once with every item of the calls made in one tick, and each call gets its end", async () => {
    const loaders = new Loaders(fork());
    const key = {};
    const runs: number[][] = [];
    const run = async (items: readonly number[]) => {
      runs.push([...items]);
    };
    // Calls joining from promise jobs of the same tick, as resolvers resolved together do.
    const calls = [1, 2, 3].map((n) => Promise.resolve().then(() => loaders.together(key, [n, n * 10], run)));
    await Promise.all(calls);
    expect(runs).toEqual([[1, 10, 2, 20, 3, 30]]);
    // A later tick's call is a run of its own; another key gathers apart.
    await Promise.all([loaders.together(key, [4], run), loaders.together({}, [5], run)]);
    expect(runs).toEqual([[1, 10, 2, 20, 3, 30], [4], [5]]);
  });

  it("a call made while its key's run is going starts the next run", async () => {
    const loaders = new Loaders(fork());
    const key = {};
    const runs: number[][] = [];
    let release!: () => void;
    const first = loaders.together(key, [1], async (items) => {
      runs.push([...items]);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await nextTick();
    const second = loaders.together(key, [2], async (items) => {
      runs.push([...items]);
    });
    await second;
    expect(runs).toEqual([[1], [2]]);
    release();
    await first;
  });

  it("a failed run rejects every call of its tick, leaving no rejection unhandled", async () => {
    const loaders = new Loaders(fork());
    const key = {};
    const fail = async () => {
      throw new Error("the run failed");
    };
    const calls = [loaders.together(key, [1], fail), loaders.together(key, [2], fail)];
    for (const call of calls) await expect(call).rejects.toThrow("the run failed");
    // The key is free again: the next call runs anew.
    let ran: readonly number[] = [];
    await loaders.together(key, [3], async (items) => {
      ran = items;
    });
    expect(ran).toEqual([3]);
    await nextTick();
  });
});

describe("keyed statements, compiled once per shape and filter parameters (PlainReader.keyed)", () => {
  /** A request's EntityManager as an editor of `municipalityId` sees the data. */
  function editor(municipalityId: number): EntityManager {
    const em = db.orm.em.fork() as EntityManager;
    em.setFilterParams("visible", { scope: "municipality", municipalityId });
    return em;
  }

  it("each caller's lists follow the caller's visibility, whichever read compiled the statement first", async () => {
    const all = fork("all");
    const draft = await all.findOneOrFail(Project, { slug: "plain-rows-draft" });
    const owner = draft.municipality.id;
    const other = (await all.findOneOrFail(Municipality, { id: { $ne: owner } })).id;
    const cityIds = (await all.find(Municipality, {}, { orderBy: { id: "asc" } })).map((city) => city.id);
    const callers = [fork("public"), editor(owner), editor(other), fork("all"), fork("public"), editor(owner)];
    for (const em of callers) {
      const expected = await em.find(
        Project,
        { municipality: { $in: cityIds } },
        { orderBy: { title: "asc", id: "asc" } },
      );
      const ofCity = (city: number) => expected.filter((row) => row.municipality.id === city).map((row) => row.id);
      const lists = await new Loaders(em).byParent(Project, "municipality", { title: "asc" }).loadMany(cityIds);
      expect((lists as Project[][]).map((list) => list.map((row) => row.id))).toEqual(cityIds.map(ofCity));
      const firstTwo = await new Loaders(em).byParent(Project, "municipality", { title: "asc" }, 2).loadMany(cityIds);
      expect((firstTwo as Project[][]).map((list) => list.map((row) => row.id))).toEqual(
        cityIds.map((city) => ofCity(city).slice(0, 2)),
      );
      const byId = await new Loaders(em).byId(Project).load(draft.id);
      const seesDraft = em.getFilterParams("visible") as { scope: string; municipalityId?: number };
      expect(byId?.id ?? null).toBe(seesDraft.scope === "all" || seesDraft.municipalityId === owner ? draft.id : null);
    }
  });

  it("compiles a statement once for a shape and the filter parameters in force, and again for others", async () => {
    let builds = 0;
    const build = (em: EntityManager) => async (stand: readonly number[]) => {
      builds++;
      const query = em
        .createQueryBuilder(Project, "e")
        .select("e.id")
        .where({ id: { $in: [...stand] } });
      await query.applyFilters();
      return query.getKnexQuery().toSQL();
    };
    const read = (em: EntityManager, keys: number[]) =>
      new PlainReader(em).keyed("test: projects by id", keys, {}, build(em));
    const draft = await fork("all").findOneOrFail(Project, { slug: "plain-rows-draft" });
    const published = await fork("public").findOneOrFail(Project, { id: { $gt: 0 } }, { orderBy: { id: "asc" } });
    expect(await read(fork("public"), [draft.id])).toEqual([]);
    expect(await read(fork("public"), [draft.id, published.id])).toEqual([{ id: published.id }]);
    expect(builds).toBe(1);
    expect(await read(fork("all"), [draft.id])).toEqual([{ id: draft.id }]);
    expect(await read(editor(draft.municipality.id), [draft.id])).toEqual([{ id: draft.id }]);
    expect(builds).toBe(3);
    expect(await read(fork("public"), [])).toEqual([]);
    expect(builds).toBe(3);
  });

  it("takes text keys (slugs) as well as ids", async () => {
    const cities = await fork("public").find(Municipality, {}, { orderBy: { id: "asc" } });
    const slugs = (rows: Municipality[]) => rows.map((row) => row.slug).sort();
    for (const chosen of [cities.slice(0, 1), cities.slice(1, 3), cities]) {
      const read = await new PlainReader(fork("public")).findByKeys(Municipality, "slug", slugs(chosen));
      expect(slugs(read)).toEqual(slugs(chosen));
    }
    const hostile = ["x' or '1'='1", "keys", cities[0].slug];
    const read = await new PlainReader(fork("public")).findByKeys(Municipality, "slug", hostile);
    expect(slugs(read)).toEqual([cities[0].slug]);
  });

  it("takes several lists of keys (the parts of a union), an empty one matching no row, compiled once", async () => {
    let builds = 0;
    const em = fork("public");
    const knex = em.getKnex();
    const build = async (stands: readonly (readonly number[])[]) => {
      builds++;
      const parts = stands.map((stand, index) =>
        knex
          .select(knex.raw(`${index} as part`), "id")
          .from("project")
          .whereIn("id", stand),
      );
      return knex.unionAll(parts, true).toSQL();
    };
    const projects = await em.find(Project, {}, { orderBy: { id: "asc" }, limit: 3 });
    const [a, b, c] = projects.map((project) => project.id);
    const read = (lists: number[][]) =>
      new PlainReader(fork("public")).keyedLists("test: three parts", lists, {}, build);
    const sorted = (rows: Record<string, unknown>[]) =>
      rows.map((row) => [row.part, row.id]).sort((x, y) => Number(x[0]) - Number(y[0]) || Number(x[1]) - Number(y[1]));
    expect(sorted(await read([[a], [b, c], [a, c]]))).toEqual([
      [0, a],
      [1, b],
      [1, c],
      [2, a],
      [2, c],
    ]);
    expect(sorted(await read([[c], [], [b]]))).toEqual([
      [0, c],
      [2, b],
    ]);
    expect(await read([[], [], []])).toEqual([]);
    expect(builds).toBe(1);
  });

  it("names a statement that does not take its keys as one `in` list", async () => {
    const em = fork();
    const reader = new PlainReader(em);
    const knex = em.getKnex();
    await expect(
      reader.keyed("test: by one id", [1], {}, async (stand) =>
        knex.select("id").from("project").where("id", "=", stand[0]).toSQL(),
      ),
    ).rejects.toThrow(/test: by one id does not take its keys as one list/);
    await expect(
      reader.keyed("test: without keys", [1], {}, async () => knex.select("id").from("project").toSQL()),
    ).rejects.toThrow(/test: without keys does not take its keys as one list/);
  });
});

describe("reads PostgreSQL prepares once per connection (schema/common/prepared.ts)", () => {
  /** The statements logged since the last reset, without the log's timing. */
  const logged = () => db.queries.map((line) => line.replace(/ \[took .*$/, ""));

  it("a keyed read takes its keys as one array parameter: one statement text for any number of keys", async () => {
    const cities = await fork("public").find(Municipality, {}, { orderBy: { id: "asc" } });
    db.resetQueryCount();
    for (const chosen of [cities.slice(0, 1), cities]) {
      const read = await new PlainReader(fork("public")).byIds(
        Municipality,
        chosen.map((city) => city.id),
      );
      expect(read.map((city) => city.id).sort((a, b) => a - b)).toEqual(chosen.map((city) => city.id));
    }
    const [one, all] = logged();
    expect(one).toMatch(/"e"\."id" = any\(\$1\)/);
    expect(all).toBe(one);
  });

  it("a list's first page: one statement for every length and scope, the same rows as the ORM's find", async () => {
    db.resetQueryCount();
    for (const scope of ["public", "all"] as const)
      for (const limit of [1, 3, 50]) {
        const expected = await fork(scope).find(Project, {}, { orderBy: { title: "desc", id: "desc" }, limit });
        const read = await new PlainReader(fork(scope)).find(Project, {}, { title: "desc", id: "desc" }, {}, limit);
        expect(read.map((row) => row.id)).toEqual(expected.map((row) => row.id));
        expect(read.map((row) => row.title)).toEqual(expected.map((row) => row.title));
      }
    const pages = logged().filter((sql) => /^\[query\] select "e"\.\* from "project"/.test(sql) && /\$\d/.test(sql));
    // Two scopes (the visibility filter's parameters), each one text: the limit is a parameter.
    expect(new Set(pages).size).toBe(2);
    expect(pages).toHaveLength(6);
  });

  it("inside a transaction (a dry run), reads through the ORM's own path, which sees the transaction's writes", async () => {
    const em = fork("all");
    await em
      .transactional(async (trx) => {
        const city = await trx.findOneOrFail(Municipality, { id: { $gt: 0 } }, { orderBy: { id: "asc" } });
        city.name = "Umbenannt im Probelauf";
        await trx.flush();
        db.resetQueryCount();
        const read = await new PlainReader(trx as EntityManager).byIds(Municipality, [city.id]);
        expect(read[0].name).toBe("Umbenannt im Probelauf");
        expect(logged()).toEqual([expect.stringMatching(/"e"\."id" in \(/)]);
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
  });

  it("still answers after a migration added a column to what a prepared read selects with `*`", async () => {
    const em = fork("all");
    const owners = await em.find(Project, {}, { orderBy: { id: "asc" } });
    const topicsOf = async () => {
      // As many reads at once as the pool has connections: each connection prepares the statement.
      const reads = Array.from({ length: 12 }, () =>
        new Loaders(fork("all")).related<Project, Topic>(Project, "topics", "key").loadMany(owners),
      );
      return (await Promise.all(reads)).map((lists) => (lists as Topic[][]).map((list) => list.map((t) => t.key)));
    };
    const before = await topicsOf();
    await db.orm.em.getConnection().execute("alter table topic add column prepared_probe integer");
    try {
      expect(await topicsOf()).toEqual(before);
      expect(await topicsOf()).toEqual(before);
    } finally {
      await db.orm.em.getConnection().execute("alter table topic drop column prepared_probe");
    }
    expect(await topicsOf()).toEqual(before);
    expect(before[0].flat().length).toBeGreaterThan(0);
  });
});

describe("DATABASE_PREPARED_STATEMENTS=false (a pooler without prepared statements)", () => {
  it("runs the same reads unnamed, parsed each time, with the same rows", async () => {
    const names: (string | undefined)[] = [];
    const query = pg.Client.prototype.query;
    // Watches what the real driver is asked to run; it still runs it.
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as { name?: string; text?: string };
      if (typeof config === "object" && config?.text?.includes("= any(")) names.push(config.name);
      return (query as (...args: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    const config = loadConfig({ DATABASE_URL: db.url, DATABASE_PREPARED_STATEMENTS: "false" }, false);
    const unnamed = await openDatabase(config, createLogger({ logLevel: "silent", logFormat: "json" }));
    try {
      const read = (em: EntityManager) =>
        new Loaders(em).related<Project, Topic>(Project, "topics", "key", ["key"]).loadMany(projects);
      const projects = await fork("public").find(Project, {}, { orderBy: { id: "asc" } });
      const viaNamed = await read(fork("public"));
      const fork2 = unnamed.orm.em.fork() as EntityManager;
      fork2.setFilterParams("visible", { scope: "public" });
      const viaUnnamed = await read(fork2);
      const keys = (lists: unknown[]) => (lists as Topic[][]).map((list) => list.map((topic) => topic.key));
      expect(keys(viaUnnamed)).toEqual(keys(viaNamed));
      expect(names).toEqual([expect.stringMatching(/^ikz_read_\d+$/), undefined]);
    } finally {
      pg.Client.prototype.query = query;
      await unnamed.close();
    }
  });
});

/** Thrown to roll a test's transaction back. */
class RollBack extends Error {}
