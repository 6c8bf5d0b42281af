/**
 * The summaries `stats` reads (migration StatsSummaries: published projects by topic × state and by state × status)
 * stay equal to the direct aggregate over the projects after every kind of write that changes a count, and `stats`
 * answers from them what it answered from the projects.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
let sql: pg.Client;
beforeAll(async () => {
  hub = await startTestHub();
  sql = new pg.Client({ connectionString: hub.db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await hub?.close();
});

const DIRECT_TOPIC_STATE = `select pt.topic_id, m.state, count(*)::int as count from project p
  join project_topics pt on pt.project_id = p.id join municipality m on m.id = p.municipality_id
 where p.publication_state = 'PUBLISHED' group by 1, 2 order by 1, 2`;
const DIRECT_TOPIC_CITY = `select pt.topic_id, p.municipality_id, count(*)::int as count from project p
  join project_topics pt on pt.project_id = p.id where p.publication_state = 'PUBLISHED' group by 1, 2 order by 1, 2`;
const DIRECT_STATE_STATUS = `select m.state, p.status, count(*)::int as count from project p
  join municipality m on m.id = p.municipality_id where p.publication_state = 'PUBLISHED' group by 1, 2 order by 1, 2`;

/** The summaries equal the direct aggregates, and are not empty. */
async function expectInStep(): Promise<void> {
  const summaryTopicState = await sql.query(
    "select topic_id, state, count from stats_project_topic_state order by 1, 2",
  );
  const summaryStateStatus = await sql.query(
    "select state, status, count from stats_project_state_status order by 1, 2",
  );
  expect(summaryTopicState.rows.length).toBeGreaterThan(0);
  expect(summaryTopicState.rows).toEqual((await sql.query(DIRECT_TOPIC_STATE)).rows);
  expect(summaryStateStatus.rows).toEqual((await sql.query(DIRECT_STATE_STATUS)).rows);
  const summaryTopicCity = await sql.query(
    "select topic_id, municipality_id, count from stats_project_topic_municipality order by 1, 2",
  );
  expect(summaryTopicCity.rows.length).toBeGreaterThan(0);
  expect(summaryTopicCity.rows).toEqual((await sql.query(DIRECT_TOPIC_CITY)).rows);
}

async function one<T>(query: string, params: unknown[] = []): Promise<T> {
  return (await sql.query(query, params)).rows[0] as T;
}

/** A new published project of `city` with `topics`, inserted as the ORM does: the row, then its topics. */
async function newProject(city: string, topics: string[], slug: string): Promise<number> {
  const { id } = await one<{ id: number }>(
    `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
     select now(), now(), $1, 'Summenprobe', 'Zusammenfassung', id, 'PLANNED', 'PUBLISHED' from municipality where slug = $2
     returning id`,
    [slug, city],
  );
  await sql.query(
    "insert into project_topics (project_id, topic_id) select $1, id from topic where key = any($2::text[])",
    [id, topics],
  );
  return id;
}

describe("stats summaries", () => {
  it("hold the seed data's aggregates after migrating", async () => {
    await expectInStep();
  });

  it("follow inserts, topic changes, status changes, unpublishing, moves, deletes, in and out of transactions", async () => {
    const [a, b] = (await sql.query("select key from topic order by key limit 2")).rows.map((row) => row.key as string);
    const id = await newProject("ratingen", [a, b], "summenprobe-1");
    await expectInStep();
    await sql.query(
      "delete from project_topics where project_id = $1 and topic_id = (select id from topic where key = $2)",
      [id, a],
    );
    await expectInStep();
    await sql.query("update project set status = 'IN_PROGRESS' where id = $1", [id]);
    await expectInStep();
    await sql.query("update project set publication_state = 'DRAFT' where id = $1", [id]);
    await expectInStep();
    // Topics changed while a draft count once it is published again.
    await sql.query("insert into project_topics (project_id, topic_id) select $1, id from topic where key = $2", [
      id,
      a,
    ]);
    await sql.query("update project set publication_state = 'PUBLISHED' where id = $1", [id]);
    await expectInStep();
    await sql.query(
      "update project set municipality_id = (select id from municipality where slug = 'herten') where id = $1",
      [id],
    );
    await expectInStep();
    await sql.query("update municipality set state = 'BY' where slug = 'herten'");
    await expectInStep();
    await sql.query(
      "update project_topics set topic_id = (select id from topic where key = $2) where project_id = $1 and topic_id = (select id from topic where key = $3)",
      [id, (await one<{ key: string }>("select key from topic order by key offset 2 limit 1")).key, b],
    );
    await expectInStep();
    await sql.query("begin");
    await newProject("kelsterbach", [a], "summenprobe-2");
    await sql.query("rollback");
    await expectInStep();
    await sql.query("delete from project where id = $1", [id]);
    await expectInStep();
    // Many rows in one statement, as a seed or a bulk fix writes them.
    await sql.query(
      "update project set publication_state = 'DRAFT' where municipality_id = (select id from municipality where slug = 'ratingen')",
    );
    await expectInStep();
    await sql.query(
      "update project set publication_state = 'PUBLISHED' where municipality_id = (select id from municipality where slug = 'ratingen')",
    );
    await expectInStep();
  });

  it("follow a topic's deletion (its projects' topics go by cascade)", async () => {
    const { id: topicId } = await one<{ id: number }>(
      `insert into topic (created_at, updated_at, key, label_de, label_en, description)
       values (now(), now(), 'summenprobe', 'Summenprobe', 'Sum probe', 'Nur für den Test') returning id`,
    );
    await newProject("hildesheim", ["summenprobe"], "summenprobe-3");
    await expectInStep();
    expect(await one("select count from stats_project_topic_state where topic_id = $1", [topicId])).toEqual({
      count: 1,
    });
    await sql.query("delete from topic where id = $1", [topicId]);
    await expectInStep();
  });

  it("let stats answer as the direct aggregate does, with and without a state or topic filter", async () => {
    const direct = (await sql.query(DIRECT_TOPIC_STATE)).rows;
    const res = await hub.query(
      `{ stats { projectCount projectsByTopicAndState { topic { key } state count } projectsByStatus { status count } } }`,
    );
    expect(res.errors).toBeUndefined();
    const stats = res.data!.stats;
    expect(stats.projectsByTopicAndState.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(
      direct.reduce((sum, row) => sum + row.count, 0),
    );
    const published = await one<{ count: number }>(
      "select count(*)::int as count from project where publication_state = 'PUBLISHED'",
    );
    expect(stats.projectCount).toBe(published.count);
    const byState = await hub.query(
      `{ stats(filter: { states: [NW] }) { projectCount projectsByStatus { status count } } }`,
    );
    const nw = await one<{ count: number }>(
      `select count(*)::int as count from project p join municipality m on m.id = p.municipality_id
        where p.publication_state = 'PUBLISHED' and m.state = 'NW'`,
    );
    expect(byState.data!.stats.projectCount).toBe(nw.count);
    expect(nw.count).toBeGreaterThan(0);
  });
});
