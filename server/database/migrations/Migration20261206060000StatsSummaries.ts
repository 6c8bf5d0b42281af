import { Migration } from "@mikro-orm/migrations";

/**
 * Summaries of the published projects that `stats` reads instead of aggregating every project (issue 18: the topic ×
 * state figure aggregated the 887,000 project–topic rows of the national data set in 2.3 s): published projects by
 * topic and municipality state, and by municipality state and status. Triggers keep them in the same transaction as
 * the write that changes a count (a project's publication, status or municipality, its topics, a municipality's
 * state), so they are never stale; `test/integration/stats-summaries.test.ts` compares them with the direct
 * aggregate after writes. A row whose count drops to 0 is deleted.
 */
export class Migration20261206060000StatsSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stats_project_topic_state" (
      "topic_id" int not null, "state" text not null, "count" int not null,
      primary key ("topic_id", "state"));`);
    this.addSql(`create table "stats_project_state_status" (
      "state" text not null, "status" text not null, "count" int not null,
      primary key ("state", "status"));`);
    this.addSql(ADD_FUNCTIONS);
    this.addSql(TRIGGER_FUNCTIONS);
    for (const statement of TRIGGERS) this.addSql(statement);
    this.addSql(`insert into "stats_project_topic_state" ("topic_id", "state", "count")
      select pt.topic_id, m.state, count(*) from project p join project_topics pt on pt.project_id = p.id
        join municipality m on m.id = p.municipality_id where p.publication_state = 'PUBLISHED' group by 1, 2;`);
    this.addSql(`insert into "stats_project_state_status" ("state", "status", "count")
      select m.state, p.status, count(*) from project p join municipality m on m.id = p.municipality_id
       where p.publication_state = 'PUBLISHED' group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "stats_project_topics_insert" on "project_topics";`);
    this.addSql(`drop trigger "stats_project_topics_delete" on "project_topics";`);
    this.addSql(`drop trigger "stats_project_topics_update" on "project_topics";`);
    this.addSql(`drop trigger "stats_project_insert" on "project";`);
    this.addSql(`drop trigger "stats_project_update" on "project";`);
    this.addSql(`drop trigger "stats_project_delete" on "project";`);
    this.addSql(`drop trigger "stats_project_before_delete" on "project";`);
    this.addSql(`drop trigger "stats_municipality_update" on "municipality";`);
    this.addSql(`drop function "stats_on_project_topics_change"();`);
    this.addSql(`drop function "stats_on_project_change"();`);
    this.addSql(`drop function "stats_on_project_delete_row"();`);
    this.addSql(`drop function "stats_on_municipality_change"();`);
    this.addSql(`drop function "stats_add_topic_state"(int[], text[], int[]);`);
    this.addSql(`drop function "stats_add_state_status"(text[], text[], int[]);`);
    this.addSql(`drop table "stats_project_topic_state";`);
    this.addSql(`drop table "stats_project_state_status";`);
  }
}

// The deltas come as parallel arrays (one entry per key), added in key order. Key order holds within one statement
// only (a topic change is a delete and then an insert), so writers that do not hold the API's write lock (a
// synthetic seeding batch) would still lock summary rows in opposite orders: one lock of the summaries' own, taken
// before any of their rows, orders all writers.
const ADD_FUNCTIONS = `
create function "stats_add_topic_state"(topic_ids int[], states text[], deltas int[]) returns void language sql as $$
  select pg_advisory_xact_lock(hashtext('stats_summaries'));
  insert into stats_project_topic_state as s (topic_id, state, count)
  select d.topic_id, d.state, d.delta from unnest(topic_ids, states, deltas) as d(topic_id, state, delta)
   where d.delta <> 0 order by d.topic_id, d.state
  on conflict (topic_id, state) do update set count = s.count + excluded.count;
  delete from stats_project_topic_state where count = 0;
$$;
create function "stats_add_state_status"(states text[], statuses text[], deltas int[]) returns void language sql as $$
  select pg_advisory_xact_lock(hashtext('stats_summaries'));
  insert into stats_project_state_status as s (state, status, count)
  select d.state, d.status, d.delta from unnest(states, statuses, deltas) as d(state, status, delta)
   where d.delta <> 0 order by d.state, d.status
  on conflict (state, status) do update set count = s.count + excluded.count;
  delete from stats_project_state_status where count = 0;
$$;`;

type Operation = "INSERT" | "UPDATE" | "DELETE";

/**
 * `select <columns>, <+1 or -1> as delta from <the transition tables of the operation>`: the rows a statement added
 * count +1, the rows it removed -1 (an update both), so that rows it left as they were cancel out in the sums.
 */
function changed(operation: Operation, columns: string, where = "true"): string {
  const added = `select ${columns}, 1 as delta from new_rows where ${where}`;
  const removed = `select ${columns}, -1 as delta from old_rows where ${where}`;
  return { INSERT: added, DELETE: removed, UPDATE: `${added} union all ${removed}` }[operation];
}

/** A plpgsql `if` that runs `body(operation)` for the trigger's operation (a transition table exists only for its own). */
function perOperation(operations: Operation[], body: (operation: Operation) => string): string {
  return `${operations.map((operation, index) => `${index ? "elsif" : "if"} TG_OP = '${operation}' then ${body(operation)}`).join("\n")}
  end if;`;
}

/** Adds the summed deltas of `rows` (columns: the summary's key and `delta`) to a summary by `add` (a function above). */
function addDeltas(add: "stats_add_topic_state" | "stats_add_state_status", rows: string): string {
  const [first, second] = add === "stats_add_topic_state" ? ["topic_id", "state"] : ["state", "status"];
  return `select array_agg(${first}), array_agg(${second}), array_agg(delta) into firsts, seconds, deltas
      from (select ${first}, ${second}, sum(delta)::int as delta from (${rows}) as r group by 1, 2) as d;
    perform ${add}(firsts, seconds, deltas);`;
}

/** The municipalities whose state an update changed: the new state +1, the old -1. */
const MOVED = `select n.id, n.state, 1 as delta from new_rows n join old_rows o on o.id = n.id where o.state <> n.state
  union all select o.id, o.state, -1 as delta from new_rows n join old_rows o on o.id = n.id where o.state <> n.state`;

const PUBLISHED = "publication_state = 'PUBLISHED'";

// No check on the counts: PostgreSQL checks the row an insert proposes before it finds the conflict, so a decrement
// could not pass. A decrement to 0 deletes the row; test/integration/stats-summaries.test.ts holds them to the projects.
const TRIGGER_FUNCTIONS = `
create function "stats_on_project_topics_change"() returns trigger language plpgsql as $$
declare
  firsts int[]; seconds text[]; deltas int[];
begin
  -- A project deleted with its topics (cascade) is no longer visible here: its topics were counted off before.
  ${perOperation(["INSERT", "UPDATE", "DELETE"], (operation) =>
    addDeltas(
      "stats_add_topic_state",
      `select c.topic_id, m.state, c.delta from (${changed(operation, "project_id, topic_id")}) c
         join project p on p.id = c.project_id and p.${PUBLISHED} join municipality m on m.id = p.municipality_id`,
    ),
  )}
  return null;
end $$;

create function "stats_on_project_change"() returns trigger language plpgsql as $$
declare
  firsts text[]; seconds text[]; deltas int[]; topic_firsts int[];
begin
  ${perOperation(["INSERT", "UPDATE", "DELETE"], (operation) =>
    [
      addDeltas(
        "stats_add_state_status",
        `select m.state, c.status, c.delta from (${changed(operation, "municipality_id, status", PUBLISHED)}) c
           join municipality m on m.id = c.municipality_id`,
      ),
      // A deleted project's topics were counted off before the row went (stats_on_project_delete_row).
      operation === "DELETE"
        ? ""
        : addDeltas(
            "stats_add_topic_state",
            `select pt.topic_id, m.state, c.delta from (${changed(operation, "id, municipality_id", PUBLISHED)}) c
               join project_topics pt on pt.project_id = c.id join municipality m on m.id = c.municipality_id`,
          )
            .replace("into firsts,", "into topic_firsts,")
            .replace("(firsts,", "(topic_firsts,"),
    ].join("\n    "),
  )}
  return null;
end $$;

create function "stats_on_project_delete_row"() returns trigger language plpgsql as $$
declare
  firsts int[]; seconds text[]; deltas int[];
begin
  if old.${PUBLISHED} then
    ${addDeltas(
      "stats_add_topic_state",
      `select pt.topic_id, m.state, -1 as delta from project_topics pt join municipality m on m.id = old.municipality_id
        where pt.project_id = old.id`,
    )}
  end if;
  return old;
end $$;

create function "stats_on_municipality_change"() returns trigger language plpgsql as $$
declare
  firsts text[]; seconds text[]; deltas int[]; topic_firsts int[];
begin
  if not exists (select 1 from new_rows n join old_rows o on o.id = n.id where o.state <> n.state) then
    return null;
  end if;
  ${addDeltas(
    "stats_add_state_status",
    `select c.state, p.status, c.delta from (${MOVED}) c join project p on p.municipality_id = c.id and p.${PUBLISHED}`,
  )}
  ${addDeltas(
    "stats_add_topic_state",
    `select pt.topic_id, c.state, c.delta from (${MOVED}) c join project p on p.municipality_id = c.id and p.${PUBLISHED}
       join project_topics pt on pt.project_id = p.id`,
  )
    .replace("into firsts,", "into topic_firsts,")
    .replace("(firsts,", "(topic_firsts,")}
  return null;
end $$;`;

const TRIGGERS = [
  `create trigger "stats_project_topics_insert" after insert on "project_topics" referencing new table as new_rows
     for each statement execute function stats_on_project_topics_change();`,
  `create trigger "stats_project_topics_delete" after delete on "project_topics" referencing old table as old_rows
     for each statement execute function stats_on_project_topics_change();`,
  `create trigger "stats_project_topics_update" after update on "project_topics"
     referencing old table as old_rows new table as new_rows for each statement execute function stats_on_project_topics_change();`,
  `create trigger "stats_project_insert" after insert on "project" referencing new table as new_rows
     for each statement execute function stats_on_project_change();`,
  `create trigger "stats_project_update" after update on "project" referencing old table as old_rows new table as new_rows
     for each statement execute function stats_on_project_change();`,
  `create trigger "stats_project_delete" after delete on "project" referencing old table as old_rows
     for each statement execute function stats_on_project_change();`,
  `create trigger "stats_project_before_delete" before delete on "project"
     for each row execute function stats_on_project_delete_row();`,
  `create trigger "stats_municipality_update" after update on "municipality"
     referencing old table as old_rows new table as new_rows for each statement execute function stats_on_municipality_change();`,
];
