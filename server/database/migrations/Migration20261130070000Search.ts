import { Migration } from "@mikro-orm/migrations";
import { readSql } from "../sql-migration.js";

/**
 * Tables and pivots whose rows feed search documents. `own` lists the columns the record's own document is built
 * from, `cascade` those that documents of other records carry (see `search_source`): an UPDATE that changes neither
 * rewrites nothing. Pivots list none, as their rows only come and go.
 */
const TRIGGERS: { table: string; type: string; idColumn: string; own?: string[]; cascade?: string[] }[] = [
  {
    table: "municipality",
    type: "Municipality",
    idColumn: "id",
    own: ["slug", "name", "state", "district", "government_region", "note"],
    // Dependent documents carry the municipality's id, slug, state and name; district and region only its own.
    cascade: ["slug", "name", "state"],
  },
  {
    table: "strategy",
    type: "Strategy",
    idColumn: "id",
    own: ["municipality_id", "publication_state", "status", "title", "summary", "vision", "note"],
    // Its fields of action carry its title and municipality, and are searchable only while it is published.
    cascade: ["municipality_id", "publication_state", "title"],
  },
  {
    table: "field_of_action",
    type: "FieldOfAction",
    idColumn: "id",
    own: ["strategy_id", "publication_state", "title", "description"],
    cascade: [],
  },
  {
    table: "project",
    type: "Project",
    idColumn: "id",
    own: ["municipality_id", "publication_state", "status", "title", "summary", "note"],
    // Its lessons are searchable only while it is published.
    cascade: ["publication_state"],
  },
  {
    table: "lesson_learned",
    type: "LessonLearned",
    idColumn: "id",
    own: ["municipality_id", "project_id", "publication_state", "title", "body"],
    cascade: [],
  },
  {
    table: "provider",
    type: "Provider",
    idColumn: "id",
    own: ["slug", "name", "legal_name", "seat", "description"],
    // Projects carry their providers' slugs and names, strategies their consultants' slugs.
    cascade: ["slug", "name"],
  },
  { table: "project_topics", type: "Project", idColumn: "project_id" },
  { table: "project_providers", type: "Project", idColumn: "project_id" },
  { table: "field_of_action_topics", type: "FieldOfAction", idColumn: "field_of_action_id" },
  { table: "lesson_learned_topics", type: "LessonLearned", idColumn: "lesson_learned_id" },
  { table: "strategy_consultants", type: "Strategy", idColumn: "strategy_id" },
];

/**
 * Search across cities (issue 3): one `search_document` per searchable record, kept
 * current by statement-level triggers in the transaction of every write, a dictionary
 * of indexed lexemes for typo correction, and an outbox for an external engine.
 * Written by hand: MikroORM's schema diff models neither text search nor triggers, and
 * the search tables are left out of its diff (`skipTables` in orm-config.ts).
 */
export class Migration20261130070000Search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);

    // German stemming on unaccented words: "Städte" and "Staedte" → "stadt" (the query side adds ae/oe/ue variants), "Straße" → "strass".
    this.addSql(`create text search configuration ikz_german (copy = german);`);
    this.addSql(
      `alter text search configuration ikz_german alter mapping for asciiword, word, asciihword, hword, hword_asciipart, hword_part with unaccent, german_stem;`,
    );

    // "E-Akte" is also indexed as "EAkte", so that "eAkte" finds it; the parser already indexes its parts.
    this.addSql(`create function search_compounds(t text) returns text language sql immutable parallel safe as $$
      select coalesce(string_agg(m[1] || m[2], ' '), '')
      from regexp_matches(coalesce(t, ''), '([^[:space:][:punct:]]+)-([^[:space:][:punct:]]+)', 'g') as m
    $$;`);

    this
      .addSql(`create function search_vector(title text, summary text, body text, context text) returns tsvector language sql immutable parallel safe as $$
      select setweight(to_tsvector('ikz_german', coalesce(title, '') || ' ' || search_compounds(title)), 'A')
          || setweight(to_tsvector('ikz_german', coalesce(summary, '') || ' ' || search_compounds(summary)), 'B')
          || setweight(to_tsvector('ikz_german', coalesce(body, '') || ' ' || search_compounds(body)), 'C')
          || setweight(to_tsvector('ikz_german', coalesce(context, '') || ' ' || search_compounds(context)), 'D')
    $$;`);

    this.addSql(`create table search_document (
      id bigserial primary key,
      type text not null,
      entity_id int not null,
      municipality_id int null,
      municipality_slug text collate "C" null,
      state text null,
      status text null,
      topics text[] not null default '{}',
      providers text[] not null default '{}',
      title text not null,
      summary text not null default '',
      body text not null default '',
      context text not null default '',
      tsv tsvector not null,
      title_tsv tsvector not null,
      updated_at timestamptz not null default now(),
      constraint search_document_type_entity unique (type, entity_id)
    );`);
    this.addSql(`create index search_document_tsv on search_document using gin (tsv);`);
    this.addSql(`create index search_document_title_tsv on search_document using gin (title_tsv);`);
    this.addSql(`create index search_document_municipality on search_document (municipality_slug);`);
    // No index on state and status: a handful of values each, so a bitmap of them costs more than it saves.
    this.addSql(`create index search_document_topics on search_document using gin (topics);`);
    this.addSql(`create index search_document_providers on search_document using gin (providers);`);

    // The words the index holds (stems), for typo correction: candidates share the first two letters and nearly the
    // length (this index), and pg_trgm's similarity ranks them. A KNN search over a trigram index of 300,000 words took 100-200 ms.
    this.addSql(`create table search_word (lexeme text collate "C" primary key);`);
    this.addSql(`create index search_word_prefix_length on search_word (left(lexeme, 2), length(lexeme));`);

    // Changes an external engine (Meilisearch) still has to receive; written in the same transaction as the change.
    this.addSql(`create table search_outbox (
      id bigserial primary key,
      type text not null,
      entity_id int not null,
      enqueued_at timestamptz not null default now(),
      attempts int not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text null
    );`);
    this.addSql(`create index search_outbox_due on search_outbox (next_attempt_at, id);`);
    this.addSql(`create table search_state (key text primary key, value text not null);`);

    // What is searchable: published records only, fields of action of published strategies, lessons of published (or no) projects.
    this.addSql(`create view search_source as
      select 'Municipality'::text as type, m.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug, m.state::text as state,
             null::text as status, '{}'::text[] as topics, '{}'::text[] as providers,
             m.name::text as title, concat_ws(', ', m.district, m.government_region) as summary, coalesce(m.note, '') as body, ''::text as context
        from municipality m
      union all
      select 'Strategy', s.id, m.id, m.slug, m.state, s.status, '{}',
             array(select p.slug::text from strategy_consultants sc join provider p on p.id = sc.provider_id where sc.strategy_id = s.id order by 1),
             s.title, s.summary, concat_ws(' ', s.vision, s.note), m.name
        from strategy s join municipality m on m.id = s.municipality_id
       where s.publication_state = 'PUBLISHED'
      union all
      select 'FieldOfAction', f.id, m.id, m.slug, m.state, null,
             array(select t.key::text from field_of_action_topics ft join topic t on t.id = ft.topic_id where ft.field_of_action_id = f.id order by 1),
             '{}', f.title, coalesce(f.description, ''), '', concat_ws(' ', s.title, m.name)
        from field_of_action f join strategy s on s.id = f.strategy_id join municipality m on m.id = s.municipality_id
       where f.publication_state = 'PUBLISHED' and s.publication_state = 'PUBLISHED'
      union all
      select 'Project', p.id, m.id, m.slug, m.state, p.status,
             array(select t.key::text from project_topics pt join topic t on t.id = pt.topic_id where pt.project_id = p.id order by 1),
             array(select v.slug::text from project_providers pp join provider v on v.id = pp.provider_id where pp.project_id = p.id order by 1),
             p.title, p.summary, coalesce(p.note, ''),
             concat_ws(' ', m.name, (select string_agg(v.name, ' ') from project_providers pp join provider v on v.id = pp.provider_id where pp.project_id = p.id))
        from project p join municipality m on m.id = p.municipality_id
       where p.publication_state = 'PUBLISHED'
      union all
      select 'LessonLearned', l.id, m.id, m.slug, m.state, null,
             array(select t.key::text from lesson_learned_topics lt join topic t on t.id = lt.topic_id where lt.lesson_learned_id = l.id order by 1),
             '{}', l.title, '', l.body, m.name
        from lesson_learned l join municipality m on m.id = l.municipality_id left join project p on p.id = l.project_id
       where l.publication_state = 'PUBLISHED' and (l.project_id is null or p.publication_state = 'PUBLISHED')
      union all
      select 'Provider', v.id, null, null, null, null, '{}', array[v.slug::text],
             v.name, concat_ws(', ', v.legal_name, v.seat), v.description, ''
        from provider v;`);

    // Rebuilds the documents of some records of one type from the source tables; records no longer searchable lose
    // theirs. An upsert rather than delete-and-insert, so that two transactions refreshing one document do not collide.
    this.addSql(readSql(new URL("./Migration20261130070000Search/search_refresh.sql", import.meta.url)));

    // A record's document also carries facts of related records: refresh those too.
    this.addSql(readSql(new URL("./Migration20261130070000Search/search_cascade.sql", import.meta.url)));

    // The statement that finds the ids of the rows an UPDATE changed in any of \`p_columns\` (rows whose id changed count too);
    // to be run by the trigger itself, as only it sees the transition tables.
    this
      .addSql(`create function search_changed_ids_sql(p_id_column text, p_columns text[]) returns text language sql immutable as $$
      select format(
        'select array_agg(distinct coalesce(n.%1$I, o.%1$I)) from new_rows n full join old_rows o on o.%1$I = n.%1$I
          where o.%1$I is null or n.%1$I is null or row(%2$s) is distinct from row(%3$s)',
        p_id_column, string_agg(format('o.%I', c), ', '), string_agg(format('n.%I', c), ', '))
      from unnest(p_columns) as c
    $$;`);

    // Statement-level: one refresh per INSERT/UPDATE/DELETE statement, however many rows it wrote.
    // Bulk loaders may set ikz.search_deferred = 'on' for their session and rebuild afterwards.
    // Arguments: document type, id column, and for tables (not pivots) the own and the cascading columns, comma-separated.
    this.addSql(`create function search_on_change() returns trigger language plpgsql as $$
    declare ids int[];
    begin
      if coalesce(current_setting('ikz.search_deferred', true), '') = 'on' then return null; end if;
      if TG_OP = 'UPDATE' and TG_NARGS > 2 then
        -- An update that changes nothing searchable (a population, a website, a version) rewrites no document.
        execute search_changed_ids_sql(TG_ARGV[1], string_to_array(TG_ARGV[2], ',')) into ids;
        perform search_refresh(TG_ARGV[0], ids);
        if TG_ARGV[3] <> '' then
          execute search_changed_ids_sql(TG_ARGV[1], string_to_array(TG_ARGV[3], ',')) into ids;
          perform search_cascade(TG_ARGV[0], ids);
        end if;
        return null;
      end if;
      if TG_OP = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', TG_ARGV[1]) into ids;
      elsif TG_OP = 'DELETE' then
        execute format('select array_agg(distinct %I) from old_rows', TG_ARGV[1]) into ids;
      else
        execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) t', TG_ARGV[1]) into ids;
      end if;
      perform search_refresh(TG_ARGV[0], ids);
      perform search_cascade(TG_ARGV[0], ids);
      return null;
    end $$;`);

    for (const { table, type, idColumn, own, cascade } of TRIGGERS) {
      const args = [type, idColumn, ...(own ? [own.join(","), (cascade ?? []).join(",")] : [])]
        .map((arg) => `'${arg}'`)
        .join(", ");
      this.addSql(
        `create trigger search_${table}_insert after insert on "${table}" referencing new table as new_rows for each statement execute function search_on_change(${args});`,
      );
      this.addSql(
        `create trigger search_${table}_update after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function search_on_change(${args});`,
      );
      this.addSql(
        `create trigger search_${table}_delete after delete on "${table}" referencing old table as old_rows for each statement execute function search_on_change(${args});`,
      );
    }

    // The documents of what exists already.
    for (const type of ["Municipality", "Strategy", "FieldOfAction", "Project", "LessonLearned", "Provider"]) {
      this.addSql(
        `select search_refresh('${type}', array(select entity_id from search_source where type = '${type}'));`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const { table } of TRIGGERS) {
      for (const op of ["insert", "update", "delete"])
        this.addSql(`drop trigger if exists search_${table}_${op} on "${table}";`);
    }
    this.addSql(`drop function if exists search_on_change();`);
    this.addSql(`drop function if exists search_changed_ids_sql(text, text[]);`);
    this.addSql(`drop function if exists search_cascade(text, int[]);`);
    this.addSql(`drop function if exists search_refresh(text, int[]);`);
    this.addSql(`drop view if exists search_source;`);
    this.addSql(`drop table if exists search_state, search_outbox, search_word, search_document;`);
    this.addSql(`drop function if exists search_vector(text, text, text, text);`);
    this.addSql(`drop function if exists search_compounds(text);`);
    this.addSql(`drop text search configuration if exists ikz_german;`);
  }
}
