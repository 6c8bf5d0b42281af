/**
 * The views `public_<table>` (migration PublicViews) select exactly the rows that
 * the ORM's visibility filter lets the public read, for every entity that has the
 * filter: on the seed data, and after putting records into every state that
 * matters (drafts, archived records, published children of draft or archived
 * parents, records without their optional parent, cost items of a draft project).
 * The types come from the entity metadata, so a new publishable type without its
 * view fails here. Search (`search_source`) and similarity (`similarity_source`)
 * read through the views and state no publication rule of their own.
 */
import { type Dictionary, ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { CostItem } from "../../schema/project/cost-item.entity.js";
import { CostPeriod } from "../../schema/project/cost-period.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import {
  expectViewsMatchOrm as expectMatch,
  publicTypes,
  type PublicType,
  sqlOf,
  viewIds as viewIdsOf,
} from "../support/public-views.js";

let db: TestDatabase;
let types: PublicType[];

beforeAll(async () => {
  db = await createTestDatabase();
  types = publicTypes(db);
});
afterAll(() => db?.close());

const viewIds = (type: PublicType) => viewIdsOf(db, type);
const sql = <T extends object>(statement: string, params: unknown[] = []) => sqlOf(db)<T>(statement, params);
const expectViewsMatchOrm = () => expectMatch(db, types);

/**
 * A published strategy with budget lines and a published project with cost items, which
 * `mixStates` leaves public: the seed's budget lines and cost items have too few parents.
 */
async function addRecords(): Promise<void> {
  const em = db.orm.em.fork();
  const city = ref(await em.findOneOrFail(Municipality, { slug: "kelsterbach" }));
  const strategy = new Strategy("kelsterbach-public-views", "Sichtbarkeit", city, StrategyStatus.ADOPTED, "Test.");
  const project = new Project("kelsterbach-public-views", "Sichtbarkeit", "Test.", city, ProjectStatus.PLANNED);
  strategy.publicationState = project.publicationState = PublicationState.PUBLISHED;
  const lines = [1, 2].map((position) => {
    const line = new BudgetLine(ref(strategy), position, 2030, "1000.00", BudgetCategory.OTHER, "Test.");
    line.publicationState = PublicationState.PUBLISHED;
    return line;
  });
  const costs = [1, 2].map((position) => new CostItem(ref(project), position, "100.00", CostPeriod.ANNUAL, "Test."));
  // A published field of action under a strategy that mixStates leaves published, whatever the seed data holds.
  const field = new FieldOfAction(ref(strategy), 1, "Sichtbarkeit");
  field.publicationState = PublicationState.PUBLISHED;
  await em.persist([strategy, project, ...lines, ...costs, field]).flush();
}

/**
 * Puts records of every type into the states that matter: per type with a state of its
 * own, a draft and an archived record; per type with a parent, a record whose parent is
 * a draft and one whose parent is archived (records of the parent type that were
 * published); per type with an optional parent, a published and a draft record without it.
 */
async function mixStates(): Promise<void> {
  for (const type of types) {
    const column = type.parent?.column;
    const rows = await sql<{ id: number; parent_id: number | null }>(
      `select id, ${column ?? "null"} as parent_id from ${type.table} order by id`,
    );
    const needed = type.parent?.optional ? 6 : type.parent ? 4 : 2;
    expect(rows.length, `${type.table} needs ${needed} records for this test`).toBeGreaterThanOrEqual(needed);
    const setState = (table: string, id: number | null, state: PublicationState) =>
      sql(`update ${table} set publication_state = ? where id = ?`, [state, id]);
    if (type.ownState) {
      await setState(type.table, rows[0].id, PublicationState.DRAFT);
      await setState(type.table, rows[1].id, PublicationState.ARCHIVED);
    }
    if (!type.parent) continue;
    await setState(type.parent.table, rows[2].parent_id, PublicationState.DRAFT);
    await setState(type.parent.table, rows[3].parent_id, PublicationState.ARCHIVED);
    if (type.parent.optional) {
      await sql(`update ${type.table} set ${column} = null where id in (?, ?)`, [rows[4].id, rows[5].id]);
      if (type.ownState) await setState(type.table, rows[5].id, PublicationState.DRAFT);
    }
  }
}

/** Whether the records of the type cover the cases: some shown, some hidden, some hidden for their parent only. */
async function coverage(type: PublicType): Promise<Dictionary<boolean>> {
  const visible = new Set(await viewIds(type));
  const state = type.ownState ? "t.publication_state" : "'PUBLISHED'";
  const parent = type.parent;
  const rows = await sql<{ id: number; own: string; parent_state: string | null; has_parent: boolean }>(
    `select t.id, ${state} as own, ${parent ? `p.publication_state` : "null"} as parent_state,
            ${parent ? `t.${parent.column} is not null` : "false"} as has_parent
       from ${type.table} t ${parent ? `left join ${parent.table} p on p.id = t.${parent.column}` : ""}`,
  );
  const published = (value: string | null) => value === PublicationState.PUBLISHED;
  return {
    shown: rows.some((row) => visible.has(row.id)),
    hiddenDraft: !type.ownState || rows.some((row) => row.own === PublicationState.DRAFT && !visible.has(row.id)),
    hiddenArchived: !type.ownState || rows.some((row) => row.own === PublicationState.ARCHIVED && !visible.has(row.id)),
    hiddenForParent:
      !parent || rows.some((row) => published(row.own) && row.has_parent && !published(row.parent_state)),
    shownWithoutParent: !parent?.optional || rows.some((row) => !row.has_parent && visible.has(row.id)),
  };
}

describe("the public_<table> views", () => {
  it("exist for exactly the entities with the visibility filter", async () => {
    expect(types.map((type) => type.table)).toEqual(
      expect.arrayContaining(["project", "strategy", "field_of_action", "cost_item", "lesson_learned"]),
    );
    const views = await sql<{ name: string }>(
      `select table_name as name from information_schema.views where table_name like 'public\\_%' order by 1`,
    );
    expect(views.map((view) => view.name)).toEqual(types.map((type) => `public_${type.table}`).sort());
    expect(types.find((type) => type.table === "cost_item")).toMatchObject({ ownState: false });
    expect(types.find((type) => type.table === "lesson_learned")?.parent).toMatchObject({ optional: true });
  });

  it("select the same records as the ORM's filter for the public, on the seed data", async () => {
    await expectViewsMatchOrm();
  });

  it("select the same records as the ORM's filter for the public, with records in every state", async () => {
    await addRecords();
    await mixStates();
    for (const type of types) {
      expect(await coverage(type), type.table).toEqual({
        shown: true,
        hiddenDraft: true,
        hiddenArchived: true,
        hiddenForParent: true,
        shownWithoutParent: true,
      });
    }
    await expectViewsMatchOrm();
  });

  it("are what search and similarity read: their sources state no publication rule of their own", async () => {
    const definitions = await sql<{ name: string; definition: string }>(
      `select c.relname as name, pg_get_viewdef(c.oid) as definition from pg_class c
        where c.relname in ('search_source', 'similarity_source') order by 1`,
    );
    expect(definitions.map((view) => view.name)).toEqual(["search_source", "similarity_source"]);
    for (const { name, definition } of definitions) expect(definition, name).not.toContain("publication_state");
    // With records in every state (the test before): the same ids, type by type.
    const tables = {
      Strategy: "strategy",
      FieldOfAction: "field_of_action",
      Project: "project",
      LessonLearned: "lesson_learned",
    };
    for (const [type, table] of Object.entries(tables)) {
      const [{ same }] = await sql<{ same: boolean }>(
        `select array(select entity_id from search_source where type = ? order by 1)
              = array(select id from public_${table} order by 1) as same`,
        [type],
      );
      expect(same, type).toBe(true);
    }
    const [{ mismatched }] = await sql<{ mismatched: number }>(
      `select count(*)::int as mismatched from similarity_source s
        where s.published <> (s.project_id in (select id from public_project))`,
    );
    expect(mismatched).toBe(0);
  });
});
