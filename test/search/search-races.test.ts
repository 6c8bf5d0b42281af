/**
 * Writes that bypass the API (SQL, bulk jobs) run concurrently under READ COMMITTED. Two transactions
 * refreshing one search document must not leave it built from a state neither of them committed last:
 * the refresh of the second waits for the first one's lock and then reads what it committed. Each race
 * is ordered across two connections: the first transaction writes and holds its locks, the second is
 * seen waiting in pg_stat_activity, then the first commits.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
const clients: pg.Client[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await db?.close();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  clients.push(client);
  return client;
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return db.orm.em.getConnection().execute<T[]>(sql, params, "all");
}

/** A statement sent on a connection whose outcome is not awaited yet. */
interface Running {
  promise: Promise<unknown>;
  settled: boolean;
}

function start(client: pg.Client, sql: string, params: unknown[] = []): Running {
  const running: Running = { promise: client.query(sql, params), settled: false };
  running.promise.then(
    () => (running.settled = true),
    () => (running.settled = true),
  );
  return running;
}

/**
 * Waits until the statement either finished or waits for a lock of another transaction, and tells which:
 * "blocked" with the kind of lock it waits for, or "done".
 */
async function blockedOrDone(client: pg.Client, running: Running): Promise<string> {
  const pid = (client as unknown as { processID: number }).processID;
  for (;;) {
    if (running.settled) return "done";
    const waiting = await rows<{ locktype: string }>("select locktype from pg_locks where pid = ? and not granted", [
      pid,
    ]);
    if (waiting.length) return `blocked on ${waiting[0].locktype}`;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const CONTENT =
  'type, entity_id, municipality_id, municipality_slug collate "C", state, status, topics, providers, title, summary, body, context';

/**
 * Documents that differ from what a fresh `search_refresh` of everything would write (missing, superfluous
 * or stale ones), as "Type:id", and documents whose tsvector does not match their text.
 */
async function inconsistencies(): Promise<string[]> {
  const diff = await rows<{ type: string; entity_id: number }>(
    `(select ${CONTENT} from search_document except select ${CONTENT} from search_source)
     union
     (select ${CONTENT} from search_source except select ${CONTENT} from search_document)`,
  );
  const vectors = await rows<{ type: string; entity_id: number }>(
    "select type, entity_id from search_document where tsv <> search_vector(title, summary, body, context)",
  );
  return [...new Set([...diff, ...vectors].map((row) => `${row.type}:${row.entity_id}`))].sort();
}

async function documentIds(type: string, ids: number[]): Promise<number[]> {
  const found = await rows<{ entity_id: number }>(
    "select entity_id from search_document where type = ? and entity_id = any (?::int[]) order by 1",
    [type, `{${ids.join(",")}}`],
  );
  return found.map((row) => row.entity_id);
}

/**
 * Runs `first` in one transaction and, while it is uncommitted, `second` in another; checks that the second
 * waits for the first one's advisory lock, then commits the first, then the second.
 */
async function race(first: [string, unknown[]], second: [string, unknown[]]): Promise<void> {
  const one = await connect();
  const two = await connect();
  await one.query("begin");
  await one.query(...first);
  await two.query("begin");
  const running = start(two, ...second);
  expect(await blockedOrDone(two, running)).toBe("blocked on advisory");
  await one.query("commit");
  await running.promise;
  await two.query("commit");
}

/** A published strategy with published fields of action, all with documents, that no other test uses. */
async function publishedStrategy(skip: number): Promise<{ strategy: number; fields: number[] }> {
  const [row] = await rows<{ strategy: number; fields: number[] }>(
    `select s.id as strategy, array_agg(f.id order by f.id) as fields
       from strategy s join field_of_action f on f.strategy_id = s.id
      where s.publication_state = 'PUBLISHED' and f.publication_state = 'PUBLISHED'
      group by s.id order by s.id offset ? limit 1`,
    [skip],
  );
  expect(row, "the seed data has too few published strategies with fields of action").toBeDefined();
  expect(await documentIds("FieldOfAction", row.fields)).toEqual(row.fields);
  return row;
}

/** A published project with a document and a topic it does not have yet, that no other test uses. */
async function publishedProject(skip: number): Promise<{ project: number; topic: number }> {
  const [row] = await rows<{ project: number; topic: number }>(
    `select p.id as project, (select min(t.id) from topic t where not exists (select 1 from project_topics pt where pt.project_id = p.id and pt.topic_id = t.id)) as topic
       from project p where p.publication_state = 'PUBLISHED' order by p.id offset ? limit 1`,
    [skip],
  );
  expect(row?.topic, "the seed data has too few published projects").toBeTruthy();
  expect(await documentIds("Project", [row.project])).toEqual([row.project]);
  return row;
}

describe("concurrent writes of one search document (READ COMMITTED)", () => {
  it("the index is consistent to begin with", async () => {
    expect(await inconsistencies()).toEqual([]);
  });

  it("unpublishing a strategy while one of its fields of action changes leaves the field unsearchable", async () => {
    const { strategy, fields } = await publishedStrategy(0);
    await race(
      ["update strategy set publication_state = 'DRAFT' where id = $1", [strategy]],
      ["update field_of_action set title = title || ' (überarbeitet)' where id = $1", [fields[0]]],
    );
    expect(await documentIds("FieldOfAction", fields)).toEqual([]);
    expect(await inconsistencies()).toEqual([]);
  });

  it("publishing a strategy while one of its fields of action changes makes the field searchable with the new text", async () => {
    const { strategy, fields } = await publishedStrategy(1);
    await rows("update strategy set publication_state = 'DRAFT' where id = ?", [strategy]);
    expect(await documentIds("FieldOfAction", fields)).toEqual([]);
    await race(
      ["update strategy set publication_state = 'PUBLISHED' where id = $1", [strategy]],
      ["update field_of_action set title = 'Neu betitelt' where id = $1", [fields[0]]],
    );
    expect(await documentIds("FieldOfAction", fields)).toEqual(fields);
    const [document] = await rows<{ title: string }>(
      "select title from search_document where type = 'FieldOfAction' and entity_id = ?",
      [fields[0]],
    );
    expect(document.title).toBe("Neu betitelt");
    expect(await inconsistencies()).toEqual([]);
  });

  it("unpublishing a project while a topic is linked to it leaves the project unsearchable", async () => {
    const { project, topic } = await publishedProject(0);
    await race(
      ["update project set publication_state = 'DRAFT' where id = $1", [project]],
      ["insert into project_topics (project_id, topic_id) values ($1, $2)", [project, topic]],
    );
    expect(await documentIds("Project", [project])).toEqual([]);
    expect(await inconsistencies()).toEqual([]);
  });

  it("publishing a project while a topic is linked to it makes it searchable with that topic", async () => {
    const { project, topic } = await publishedProject(1);
    await rows("update project set publication_state = 'DRAFT' where id = ?", [project]);
    await race(
      ["update project set publication_state = 'PUBLISHED' where id = $1", [project]],
      ["insert into project_topics (project_id, topic_id) values ($1, $2)", [project, topic]],
    );
    const [document] = await rows<{ topics: string[] }>(
      "select topics from search_document where type = 'Project' and entity_id = ?",
      [project],
    );
    const [{ key }] = await rows<{ key: string }>("select key from topic where id = ?", [topic]);
    expect(document.topics).toContain(key);
    expect(await inconsistencies()).toEqual([]);
  });

  it("a provider rename and a municipality rename that reach the same strategy and project do not deadlock", async () => {
    // Ids 2^20 + n fall into bucket n for any power-of-two bucket count from 4 to 2^20: p1's lock comes before p2's.
    const base = 2 ** 20;
    const [provider, town, otherTown, strategy, p1, p2] = [base + 1, base + 1, base + 2, base + 1, base + 1, base + 2];
    await rows(
      `insert into provider (id, slug, name, kind, states_served, description, created_at, updated_at)
       values (?, 'wettlauf-dienstleister', 'Wettlauf IT', 'CONSULTANCY', '{}', 'Berät und betreibt.', now(), now())`,
      [provider],
    );
    await rows(
      `insert into municipality (id, slug, name, official_key, state, created_at, updated_at)
       values (?, 'wettlauf-stadt', 'Wettlaufstadt', '09990001', 'HE', now(), now()), (?, 'wettlauf-dorf', 'Wettlaufdorf', '09990002', 'HE', now(), now())`,
      [town, otherTown],
    );
    await rows(
      `insert into strategy (id, slug, title, municipality_id, status, summary, publication_state, created_at, updated_at)
       values (?, 'wettlauf-strategie', 'Strategie Wettlaufstadt', ?, 'ADOPTED', 'Digital.', 'PUBLISHED', now(), now())`,
      [strategy, town],
    );
    await rows(
      `insert into project (id, slug, title, summary, municipality_id, status, publication_state, created_at, updated_at)
       values (?, 'wettlauf-p1', 'Projekt eins', 'Eins.', ?, 'PLANNED', 'PUBLISHED', now(), now()),
              (?, 'wettlauf-p2', 'Projekt zwei', 'Zwei.', ?, 'PLANNED', 'PUBLISHED', now(), now())`,
      [p1, town, p2, otherTown],
    );
    await rows("insert into strategy_consultants (strategy_id, provider_id) values (?, ?)", [strategy, provider]);
    await rows("insert into project_providers (project_id, provider_id) values (?, ?), (?, ?)", [
      p1,
      provider,
      p2,
      provider,
    ]);

    // A third writer holds p2's lock, so that the provider rename stops between its locks.
    const holder = await connect();
    await holder.query("begin");
    await holder.query("update project set note = 'Gesperrt.' where id = $1", [p2]);
    const renamer = await connect();
    await renamer.query("begin");
    const providerRename = start(renamer, "update provider set name = 'Wettlauf IT GmbH' where id = $1", [provider]);
    expect(await blockedOrDone(renamer, providerRename)).toBe("blocked on advisory");
    const townRenamer = await connect();
    await townRenamer.query("begin");
    const townRename = start(townRenamer, "update municipality set name = 'Wettlaufstadt (Main)' where id = $1", [
      town,
    ]);
    expect(await blockedOrDone(townRenamer, townRename)).toBe("blocked on advisory");
    await holder.query("commit");
    await providerRename.promise;
    await renamer.query("commit");
    await townRename.promise;
    await townRenamer.query("commit");

    const [project] = await rows<{ context: string }>(
      "select context from search_document where type = 'Project' and entity_id = ?",
      [p1],
    );
    expect(project.context).toBe("Wettlaufstadt (Main) Wettlauf IT GmbH");
    expect(await inconsistencies()).toEqual([]);
  });
});

describe("search_refresh", () => {
  it("has one definition, callable with two arguments", async () => {
    const functions = await rows<{ signature: string }>(
      "select oid::regprocedure::text as signature from pg_proc where proname = 'search_refresh'",
    );
    expect(functions.map((row) => row.signature)).toEqual(["search_refresh(text,integer[],boolean)"]);
    const [project] = await rows<{ id: number }>(
      "select id from project where publication_state = 'PUBLISHED' order by id limit 1",
    );
    await rows("select search_refresh('Project', array[?]::int[])", [project.id]);
  });

  it("rewrites an unchanged document only when forced", async () => {
    const [{ id }] = await rows<{ id: number }>(
      "select entity_id as id from search_document where type = 'Project' order by entity_id limit 1",
    );
    await rows(
      "update search_document set tsv = to_tsvector('simple', 'kaputt') where type = 'Project' and entity_id = ?",
      [id],
    );
    await rows("select search_refresh('Project', array[?]::int[])", [id]);
    expect(await inconsistencies()).toEqual([`Project:${id}`]);
    await rows("select search_refresh('Project', array[?]::int[], true)", [id]);
    expect(await inconsistencies()).toEqual([]);
  });

  it("queues a forced rewrite for the external engine only when the document changed", async () => {
    const [first, second] = await rows<{ id: number }>(
      "select entity_id as id from search_document where type = 'Project' order by entity_id limit 2",
    );
    await rows(
      "insert into search_state (key, value) values ('outbox', 'on') on conflict (key) do update set value = 'on'",
    );
    try {
      await rows("delete from search_outbox");
      await rows("update search_document set title = 'Veraltet' where type = 'Project' and entity_id = ?", [second.id]);
      await rows("select search_refresh('Project', array[?, ?]::int[], true)", [first.id, second.id]);
      const queued = await rows<{ entity_id: number }>("select entity_id from search_outbox order by id");
      expect(queued.map((row) => row.entity_id)).toEqual([second.id]);
    } finally {
      await rows("update search_state set value = 'off' where key = 'outbox'");
      await rows("delete from search_outbox");
    }
  });
});
