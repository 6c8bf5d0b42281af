import { Migration } from "@mikro-orm/migrations";

/**
 * Published projects per topic and municipality, which `Topic.municipalities` (the topic page's cities) reads instead
 * of aggregating the topic's projects (issue 18: 1.4 s for a common topic of the national data set, whose
 * `project_topics` rows it joined to every project). Kept like the summaries of `StatsSummaries`: by triggers in the
 * same transaction as the write (a project's publication or municipality, its topics), under the same lock, a row
 * whose count drops to 0 deleted; `test/integration/stats-summaries.test.ts` compares it with the direct aggregate.
 * Triggers of its own, so that the functions of `StatsSummaries` stay as they were migrated.
 */
export class Migration20261206081000TopicCitySummary extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stats_project_topic_municipality" (
      "topic_id" int not null, "municipality_id" int not null, "count" int not null,
      primary key ("topic_id", "municipality_id"));`);
    this.addSql(FUNCTIONS);
    for (const statement of TRIGGERS) this.addSql(statement);
    this.addSql(`insert into "stats_project_topic_municipality" ("topic_id", "municipality_id", "count")
      select pt.topic_id, p.municipality_id, count(*) from project p join project_topics pt on pt.project_id = p.id
       where p.publication_state = 'PUBLISHED' group by 1, 2;`);
  }

  override async down(): Promise<void> {
    for (const [name, table] of TRIGGER_NAMES) this.addSql(`drop trigger "${name}" on "${table}";`);
    this.addSql(`drop function "stats_topic_city_on_project_topics_change"();`);
    this.addSql(`drop function "stats_topic_city_on_project_change"();`);
    this.addSql(`drop function "stats_topic_city_on_project_delete_row"();`);
    this.addSql(`drop function "stats_add_topic_municipality"(int[], int[], int[]);`);
    this.addSql(`drop table "stats_project_topic_municipality";`);
  }
}

type Operation = "INSERT" | "UPDATE" | "DELETE";

const PUBLISHED = "publication_state = 'PUBLISHED'";

/** The rows a statement added count +1, the rows it removed -1 (an update both), so unchanged rows cancel out. */
function changed(operation: Operation, columns: string, where = "true"): string {
  const added = `select ${columns}, 1 as delta from new_rows where ${where}`;
  const removed = `select ${columns}, -1 as delta from old_rows where ${where}`;
  return { INSERT: added, DELETE: removed, UPDATE: `${added} union all ${removed}` }[operation];
}

/** Adds the summed deltas of `rows` (columns topic_id, municipality_id, delta) to the summary. */
function addDeltas(rows: string): string {
  return `select array_agg(topic_id), array_agg(municipality_id), array_agg(delta) into topics, cities, deltas
      from (select topic_id, municipality_id, sum(delta)::int as delta from (${rows}) as r group by 1, 2) as d;
    perform stats_add_topic_municipality(topics, cities, deltas);`;
}

/** A plpgsql `if` per operation of the trigger: a transition table exists only for its own operation. */
function perOperation(operations: Operation[], body: (operation: Operation) => string): string {
  return `${operations.map((operation, index) => `${index ? "elsif" : "if"} TG_OP = '${operation}' then ${body(operation)}`).join("\n")}
  end if;`;
}

const DECLARE = "declare topics int[]; cities int[]; deltas int[];";

// The lock is StatsSummaries' own: every writer of any summary takes it first, so none waits for another in a cycle.
const FUNCTIONS = `
create function "stats_add_topic_municipality"(topic_ids int[], municipality_ids int[], deltas int[]) returns void
language sql as $$
  select pg_advisory_xact_lock(hashtext('stats_summaries'));
  insert into stats_project_topic_municipality as s (topic_id, municipality_id, count)
  select d.topic_id, d.municipality_id, d.delta from unnest(topic_ids, municipality_ids, deltas)
    as d(topic_id, municipality_id, delta)
   where d.delta <> 0 order by d.topic_id, d.municipality_id
  on conflict (topic_id, municipality_id) do update set count = s.count + excluded.count;
  delete from stats_project_topic_municipality where count = 0;
$$;

create function "stats_topic_city_on_project_topics_change"() returns trigger language plpgsql as $$
${DECLARE}
begin
  -- A project deleted with its topics (cascade) is no longer visible here: its topics were counted off before.
  ${perOperation(["INSERT", "UPDATE", "DELETE"], (operation) =>
    addDeltas(`select c.topic_id, p.municipality_id, c.delta from (${changed(operation, "project_id, topic_id")}) c
         join project p on p.id = c.project_id and p.${PUBLISHED}`),
  )}
  return null;
end $$;

create function "stats_topic_city_on_project_change"() returns trigger language plpgsql as $$
${DECLARE}
begin
  ${perOperation(["INSERT", "UPDATE"], (operation) =>
    addDeltas(`select pt.topic_id, c.municipality_id, c.delta from (${changed(operation, "id, municipality_id", PUBLISHED)}) c
         join project_topics pt on pt.project_id = c.id`),
  )}
  return null;
end $$;

create function "stats_topic_city_on_project_delete_row"() returns trigger language plpgsql as $$
${DECLARE}
begin
  if old.${PUBLISHED} then
    ${addDeltas(`select pt.topic_id, old.municipality_id as municipality_id, -1 as delta from project_topics pt
        where pt.project_id = old.id`)}
  end if;
  return old;
end $$;`;

const TRIGGER_NAMES: [string, string][] = [
  ["stats_topic_city_project_topics_insert", "project_topics"],
  ["stats_topic_city_project_topics_delete", "project_topics"],
  ["stats_topic_city_project_topics_update", "project_topics"],
  ["stats_topic_city_project_insert", "project"],
  ["stats_topic_city_project_update", "project"],
  ["stats_topic_city_project_before_delete", "project"],
];

const TRIGGERS = [
  `create trigger "stats_topic_city_project_topics_insert" after insert on "project_topics"
     referencing new table as new_rows for each statement execute function stats_topic_city_on_project_topics_change();`,
  `create trigger "stats_topic_city_project_topics_delete" after delete on "project_topics"
     referencing old table as old_rows for each statement execute function stats_topic_city_on_project_topics_change();`,
  `create trigger "stats_topic_city_project_topics_update" after update on "project_topics"
     referencing old table as old_rows new table as new_rows
     for each statement execute function stats_topic_city_on_project_topics_change();`,
  `create trigger "stats_topic_city_project_insert" after insert on "project" referencing new table as new_rows
     for each statement execute function stats_topic_city_on_project_change();`,
  `create trigger "stats_topic_city_project_update" after update on "project"
     referencing old table as old_rows new table as new_rows
     for each statement execute function stats_topic_city_on_project_change();`,
  `create trigger "stats_topic_city_project_before_delete" before delete on "project"
     for each row execute function stats_topic_city_on_project_delete_row();`,
];
