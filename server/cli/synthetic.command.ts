import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import pg from "pg";
import { seedData } from "../../seeds/data/index.js";
import { DEFAULT_DATA_DIR, type HubConfig } from "../config.js";
import { attachDatabase } from "../database/database.js";
import type { Logger } from "../logger.js";
import { seedIfEmpty } from "../seeding.js";
import { progressBar } from "./progress.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, UsageError, parseCommandArgs } from "./usage.js";

/** The usage text of `seed-synthetic`. */
export const SYNTHETIC_USAGE = `Usage: npm run seed:synthetic -- --municipalities N [--projects-per-municipality M] [--seed S] [--into-live-database]
       npm run seed:synthetic -- --remove

Adds N synthetic municipalities (11000 is all of Germany) with one published strategy of five
fields of action, M projects (default 40) and M/8 lessons learned each, written in German
vocabulary taken from the seed texts, and indexes them for search. Every synthetic record has a
slug starting with "synthetic-"; --remove deletes them all again. The database is the hub's.

Synthetic data is for benchmarks, not for a database people use. Without --into-live-database
it is added only to a scratch database: the embedded PostgreSQL (no DATABASE_URL) under a
DATA_DIR other than the default .data, holding no municipality but the bundled seed's and
synthetic ones, and no API token. For example:
  DATA_DIR=.data/bench npm run seed:synthetic -- --municipalities 1000
--remove needs no such flag: it deletes synthetic records only.
`;

/** Prefix of every synthetic record's slug; what --remove deletes. */
export const SYNTHETIC_PREFIX = "synthetic-";

/** What a command needs besides its arguments. */
export interface CommandContext {
  config: HubConfig;
  logger: Logger;
  io: CliIo;
}

/** A small deterministic random generator (mulberry32), so that runs with the same --seed write the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from `items` with Zipf-like weights: the first items far more often than the last. */
function zipf<T>(items: readonly T[], rand: () => number, exponent = 1): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < items.length; i++) cumulative.push((sum += 1 / (i + 1) ** exponent));
  return () => {
    const target = rand() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return items[low];
  };
}

/** Picks by explicit weights. */
function weighted<T extends string>(weights: Record<T, number>, rand: () => number): () => T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let target = rand() * total;
    for (const [value, weight] of entries) if ((target -= weight) <= 0) return value;
    return entries[entries.length - 1][0];
  };
}

// Municipalities per state, roughly as in Germany (Destatis): the synthetic set is skewed the same way.
const STATE_WEIGHTS = {
  BY: 2056,
  RP: 2301,
  BW: 1101,
  NI: 942,
  SH: 1106,
  TH: 605,
  ST: 218,
  SN: 418,
  HE: 421,
  BB: 413,
  MV: 726,
  NW: 396,
  SL: 52,
  BE: 1,
  HH: 1,
  HB: 2,
};
const PROJECT_STATUS_WEIGHTS = { IN_PROGRESS: 35, PLANNED: 25, COMPLETED: 25, IDEA: 10, STOPPED: 5 };
const NAME_PREFIXES = ["", "", "", "", "Bad ", "Neu", "Alt", "Groß ", "Klein", "Ober", "Unter", "Hohen"];
const NAME_ROOTS = [
  "Linden",
  "Eichen",
  "Buchen",
  "Wald",
  "Berg",
  "Tal",
  "Stein",
  "Rosen",
  "Wiesen",
  "Mühl",
  "Kirch",
  "Birken",
  "Au",
  "Fels",
  "Sonnen",
  "Bach",
  "Heide",
  "Brunn",
  "Horn",
  "Erlen",
  "Weiden",
  "Hasel",
  "Fichten",
  "Marien",
];
const NAME_SUFFIXES = [
  "hausen",
  "dorf",
  "berg",
  "heim",
  "feld",
  "stadt",
  "bach",
  "burg",
  "au",
  "ingen",
  "rode",
  "hagen",
  "stedt",
  "furt",
  "kirchen",
  "brück",
  "weiler",
  "born",
];

/** Words and sentences of the seed texts, the material synthetic texts are made of. */
interface Corpus {
  titles: string[];
  sentences: string[];
  word: () => string;
  /** Nouns of the vocabulary, for new compounds. */
  nouns: string[];
}

async function loadCorpus(client: pg.Client, rand: () => number): Promise<Corpus> {
  const { rows } = await client.query<{ type: string; title: string; summary: string; body: string }>(
    `select type, title, summary, body from search_document where municipality_slug is null or municipality_slug not like '${SYNTHETIC_PREFIX}%'`,
  );
  if (!rows.length)
    throw new Error(
      "The database holds no seed documents to take vocabulary from; start the hub once so that it seeds",
    );
  const counts = new Map<string, number>();
  const sentences: string[] = [];
  for (const row of rows) {
    for (const text of [row.title, row.summary, row.body]) {
      for (const word of text.match(/[\p{L}][\p{L}-]{2,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for (const text of [row.summary, row.body]) {
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        const words = sentence.split(/\s+/).length;
        if (words >= 5 && words <= 40) sentences.push(sentence.trim());
      }
    }
  }
  const vocabulary = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const nouns = vocabulary.filter((word) => /^\p{Lu}\p{Ll}{3,}$/u.test(word)).slice(0, 3000);
  return {
    nouns,
    titles: rows
      .filter((row) => row.type === "Project" || row.type === "FieldOfAction" || row.type === "LessonLearned")
      .map((row) => row.title),
    sentences,
    word: zipf(vocabulary, rand, 1.05),
  };
}

/** Text generators over a corpus: seed sentences with a share of their words swapped for others of the vocabulary. */
class Writer {
  constructor(
    private readonly corpus: Corpus,
    private readonly rand: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  /** A new compound of two nouns ("Bauamt" + "Portal" → "Bauamtportal"): German's long tail of rare words. */
  compound(): string {
    return this.pick(this.corpus.nouns) + this.pick(this.corpus.nouns).toLowerCase();
  }

  sentence(): string {
    return this.pick(this.corpus.sentences)
      .split(" ")
      .map((word) => {
        const dice = this.rand();
        return dice < 0.03 ? this.compound() : dice < 0.3 ? this.corpus.word() : word;
      })
      .join(" ");
  }

  sentences(min: number, max: number): string {
    const count = min + Math.floor(this.rand() * (max - min + 1));
    return Array.from({ length: count }, () => this.sentence()).join(" ");
  }

  title(): string {
    if (this.rand() < 0.5) return this.pick(this.corpus.titles);
    const count = 2 + Math.floor(this.rand() * 5);
    const words = Array.from({ length: count }, () => this.corpus.word());
    return words.join(" ").replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  }
}

/** What `seed-synthetic` was asked to do. */
interface SyntheticOptions {
  municipalities: number;
  projects: number;
  seed: number;
  remove: boolean;
  intoLiveDatabase: boolean;
}

function parse(args: string[]): SyntheticOptions {
  const options: ParseArgsConfig["options"] = {
    municipalities: { type: "string" },
    "projects-per-municipality": { type: "string" },
    seed: { type: "string" },
    remove: { type: "boolean" },
    "into-live-database": { type: "boolean" },
  };
  const { values } = parseCommandArgs({ args, options, strict: true, allowPositionals: false }) as {
    values: Record<string, unknown>;
  };
  const number = (name: string, fallback: number | null, max: number) => {
    const raw = values[name] as string | undefined;
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max)
      throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const remove = Boolean(values.remove);
  const adding = ["municipalities", "projects-per-municipality", "seed", "into-live-database"].filter(
    (name) => values[name] !== undefined,
  );
  if (remove && adding.length) throw new UsageError(`--remove takes no other option, got --${adding[0]}`);
  const municipalities = number("municipalities", null, 99999);
  // Thousands of invented cities are never what a bare `npm run seed:synthetic` should mean.
  if (!remove && municipalities === null)
    throw new UsageError("seed-synthetic needs --municipalities N (11000 is all of Germany), or --remove");
  return {
    municipalities: municipalities ?? 0,
    projects: number("projects-per-municipality", 40, 1000)!,
    seed: number("seed", 1, 2 ** 31)!,
    remove,
    intoLiveDatabase: Boolean(values["into-live-database"]),
  };
}

/** Why the configured database is not a scratch one (see the usage text), before it is opened; null when it may be. */
function configuredLiveReason(config: HubConfig): string | null {
  if (config.databaseUrl) return "DATABASE_URL is set, so this is a database a hub serves";
  if (config.dataDir === path.resolve(DEFAULT_DATA_DIR))
    return `DATA_DIR is the default ${DEFAULT_DATA_DIR}, the one \`npm start\` serves`;
  return null;
}

/** Why the opened database holds what people use (see the usage text); null when it holds only seed and synthetic data. */
async function contentLiveReason(client: pg.Client): Promise<string | null> {
  const seeded = seedData.cities.map((city) => city.municipality.slug);
  const { rows: own } = await client.query<{ slug: string }>(
    `select slug from municipality where slug not like '${SYNTHETIC_PREFIX}%' and slug <> all ($1::text[]) order by slug limit 3`,
    [seeded],
  );
  if (own.length) return `it holds municipalities besides the seed data, e.g. ${JSON.stringify(own[0].slug)}`;
  const { rows: tokens } = await client.query<{ n: number }>("select count(*)::int as n from api_token");
  if (tokens[0].n) return `it holds ${tokens[0].n} API tokens, so people edit there`;
  return null;
}

/** Runs `seed-synthetic` and returns the exit code. */
export async function runSyntheticCommand(args: string[], { config, logger, io }: CommandContext): Promise<number> {
  const options = parse(args);
  const guarded = !options.remove && !options.intoLiveDatabase;
  const refuse = (reason: string) => {
    io.stderr.write(
      `ikz-hub: seed-synthetic will not add invented municipalities here: ${reason}. ` +
        "Run it with a DATA_DIR of its own (e.g. DATA_DIR=.data/bench), or pass --into-live-database if you mean it.\n",
    );
    return EXIT_FAILURE;
  };
  const configured = guarded ? configuredLiveReason(config) : null;
  if (configured) return refuse(configured);
  const database = await attachDatabase(config, logger);
  try {
    if (database.started && config.seedOnStart) await seedIfEmpty(database.orm, logger);
    const client = new pg.Client({ connectionString: database.orm.config.get("clientUrl") });
    await client.connect();
    try {
      const held = guarded ? await contentLiveReason(client) : null;
      if (held) return refuse(held);
      // The triggers would index each statement's rows; this session indexes whole batches itself instead.
      await client.query("set ikz.search_deferred = 'on'");
      if (options.remove) await removeSynthetic(client, io);
      else await addSynthetic(client, io, options);
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
  return EXIT_OK;
}

async function removeSynthetic(client: pg.Client, io: CliIo): Promise<void> {
  const { rows } = await client.query<{ id: number }>(
    `select id from municipality where slug like '${SYNTHETIC_PREFIX}%' order by id`,
  );
  const bar = progressBar(io.stderr, "removing municipalities");
  bar.start(rows.length, 0);
  for (let i = 0; i < rows.length; i += 200) {
    const ids = rows.slice(i, i + 200).map((row) => row.id);
    await client.query("begin");
    await client.query("delete from lesson_learned where municipality_id = any ($1)", [ids]);
    await client.query("delete from project where municipality_id = any ($1)", [ids]);
    await client.query(
      "delete from field_of_action where strategy_id in (select id from strategy where municipality_id = any ($1))",
      [ids],
    );
    await client.query("delete from strategy where municipality_id = any ($1)", [ids]);
    // The triggers are deferred, so this removal queues the deletions for an external engine itself.
    await client.query(
      `with removed as (delete from search_document where municipality_id = any ($1) returning type, entity_id)
       insert into search_outbox (type, entity_id)
       select type, entity_id from removed where exists (select 1 from search_state where key = 'outbox' and value = 'on')`,
      [ids],
    );
    await client.query("delete from municipality where id = any ($1)", [ids]);
    await client.query("commit");
    bar.update(Math.min(i + 200, rows.length));
  }
  bar.stop();
  io.stderr.write(`Removed ${rows.length} synthetic municipalities with their records and search documents.\n`);
  io.stdout.write(`${rows.length}\n`);
}

/** What a run draws its records from, in one random sequence (the same seed makes the same data). */
interface Draw {
  client: pg.Client;
  rand: () => number;
  writer: Writer;
  topic: () => number;
  provider: () => number;
  state: () => string;
  status: () => string;
  /** Projects per municipality. */
  projects: number;
  /** Lessons per municipality. */
  lessons: number;
}

async function addSynthetic(
  client: pg.Client,
  io: CliIo,
  options: { municipalities: number; projects: number; seed: number },
): Promise<void> {
  const draw = await prepareDraw(client, options);
  const { rows: existing } = await client.query<{ n: number }>(
    `select count(*)::int as n from municipality where slug like '${SYNTHETIC_PREFIX}%'`,
  );
  const start = existing[0].n;
  const batch = Math.max(1, Math.floor(10_000 / options.projects));
  const bar = progressBar(io.stderr, "municipalities");
  bar.start(options.municipalities, 0);
  let documents = 0;
  for (let done = 0; done < options.municipalities; done += batch) {
    const size = Math.min(batch, options.municipalities - done);
    const numbers = Array.from({ length: size }, (_, i) => start + done + i + 1);
    await client.query("begin");
    const { towns, strategies, fieldRows, projectRows, lessonRows } = await insertBatch(draw, numbers);
    for (const [type, rows] of [
      ["Municipality", towns],
      ["Strategy", strategies],
      ["FieldOfAction", fieldRows],
      ["Project", projectRows],
      ["LessonLearned", lessonRows],
    ] as const) {
      await client.query("select search_refresh($1, $2::int[])", [type, rows.map((row) => row.id)]);
      documents += rows.length;
    }
    await client.query("commit");
    bar.update(done + size);
  }
  bar.stop();
  // Every table the synthetic data grew, not only the index: without statistics the planner misjudges the lists, and
  // until a vacuum marks the new pages all-visible every index-only scan visits the table too (a count of a topic's
  // projects at national scale fetched 176,000 heap rows and read 5,600 pages from disk).
  await client.query("vacuum (analyze)");
  const { rows: total } = await client.query<{ n: number }>("select count(*)::int as n from search_document");
  io.stderr.write(
    `Added ${options.municipalities} synthetic municipalities and ${documents} search documents; the index holds ${total[0].n} documents.\n`,
  );
  io.stdout.write(`${documents}\n`);
}

async function prepareDraw(client: pg.Client, options: { projects: number; seed: number }): Promise<Draw> {
  const rand = random(options.seed);
  const corpus = await loadCorpus(client, rand);
  const writer = new Writer(corpus, rand);
  const { rows: topicRows } = await client.query<{ id: number }>("select id from topic order by id");
  const { rows: providerRows } = await client.query<{ id: number }>("select id from provider order by id");
  const topic = zipf(
    topicRows.map((row) => row.id),
    rand,
    1.1,
  );
  const provider = zipf(
    providerRows.map((row) => row.id),
    rand,
    1.2,
  );
  const state = weighted(STATE_WEIGHTS, rand);
  const status = weighted(PROJECT_STATUS_WEIGHTS, rand);
  const lessons = Math.max(1, Math.round(options.projects / 8));
  return { client, rand, writer, topic, provider, state, status, projects: options.projects, lessons };
}

/** One batch of municipalities (numbered `numbers`) with their records, in the order the random sequence is drawn. */
async function insertBatch(draw: Draw, numbers: number[]) {
  const towns = await insertTowns(draw, numbers);
  const strategies = await insertStrategies(draw, numbers, towns);
  const fieldRows = await insertFields(draw, strategies);
  const projectRows = await insertProjects(draw, numbers, towns);
  await insertPairs(draw, "project_topics (project_id, topic_id)", projectRows, draw.topic, 1, 3);
  await insertPairs(draw, "project_providers (project_id, provider_id)", projectRows, draw.provider, 0, 2);
  await insertPairs(draw, "field_of_action_topics (field_of_action_id, topic_id)", fieldRows, draw.topic, 1, 2);
  const lessonRows = await insertLessons(draw, numbers, towns, projectRows);
  await insertPairs(draw, "lesson_learned_topics (lesson_learned_id, topic_id)", lessonRows, draw.topic, 1, 2);
  return { towns, strategies, fieldRows, projectRows, lessonRows };
}

async function insertTowns({ client, rand, state }: Draw, numbers: number[]): Promise<{ id: number; name: string }[]> {
  const names = numbers.map(() => {
    const prefix = NAME_PREFIXES[Math.floor(rand() * NAME_PREFIXES.length)];
    const root = NAME_ROOTS[Math.floor(rand() * NAME_ROOTS.length)];
    const name =
      prefix +
      (prefix.endsWith(" ") || !prefix ? root : root.toLowerCase()) +
      NAME_SUFFIXES[Math.floor(rand() * NAME_SUFFIXES.length)];
    return name;
  });
  const { rows: towns } = await client.query<{ id: number; name: string }>(
    `insert into municipality (slug, name, official_key, state, created_at, updated_at)
     select * , now(), now() from unnest($1::text[], $2::text[], $3::text[], $4::text[]) returning id, name`,
    [
      numbers.map((n) => `${SYNTHETIC_PREFIX}${String(n).padStart(5, "0")}`),
      names,
      numbers.map((n) => `9${String(n).padStart(7, "0")}`),
      numbers.map(() => state()),
    ],
  );
  return towns;
}

async function insertStrategies({ client, writer }: Draw, numbers: number[], towns: { id: number; name: string }[]) {
  const { rows: strategies } = await client.query<{ id: number; municipality_id: number }>(
    `insert into strategy (slug, title, municipality_id, status, summary, vision, publication_state, created_at, updated_at)
     select s, t, m, 'ADOPTED', su, v, 'PUBLISHED', now(), now() from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) as u(s, t, m, su, v)
     returning id, municipality_id`,
    [
      towns.map((town, i) => `${SYNTHETIC_PREFIX}${numbers[i]}-strategie`),
      towns.map((town) => `Digitalisierungsstrategie ${town.name}`),
      towns.map((town) => town.id),
      towns.map(() => writer.sentences(3, 8)),
      towns.map(() => writer.sentence()),
    ],
  );
  return strategies;
}

async function insertFields({ client, writer }: Draw, strategies: { id: number }[]): Promise<{ id: number }[]> {
  const fields = strategies.flatMap((strategy) =>
    [1, 2, 3, 4, 5].map((position) => ({ strategy: strategy.id, position })),
  );
  const { rows: fieldRows } = await client.query<{ id: number }>(
    `insert into field_of_action (strategy_id, position, title, description, publication_state, created_at, updated_at)
     select *, 'PUBLISHED', now(), now() from unnest($1::int[], $2::int[], $3::text[], $4::text[]) returning id`,
    [
      fields.map((f) => f.strategy),
      fields.map((f) => f.position),
      fields.map(() => writer.title()),
      fields.map(() => writer.sentences(1, 4)),
    ],
  );
  return fieldRows;
}

async function insertProjects(
  { client, rand, writer, status, projects: perTown }: Draw,
  numbers: number[],
  towns: { id: number }[],
) {
  const projects = towns.flatMap((town, i) =>
    Array.from({ length: perTown }, (_, p) => ({
      slug: `${SYNTHETIC_PREFIX}${numbers[i]}-p${p + 1}`,
      municipality: town.id,
    })),
  );
  const { rows: projectRows } = await client.query<{ id: number; municipality_id: number }>(
    `insert into project (slug, title, summary, note, municipality_id, status, publication_state, created_at, updated_at)
     select *, 'PUBLISHED', now(), now() from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) returning id, municipality_id`,
    [
      projects.map((p) => p.slug),
      projects.map(() => writer.title()),
      projects.map(() => writer.sentences(1, 3)),
      projects.map(() => (rand() < 0.5 ? writer.sentences(3, 10) : null)),
      projects.map((p) => p.municipality),
      projects.map(() => status()),
    ],
  );
  return projectRows;
}

/** Links each record to `min`–`max` others drawn by `pick` (repeats dropped), in the join table `table (columns)`. */
async function insertPairs(
  { client, rand }: Draw,
  table: string,
  rows: { id: number }[],
  pick: () => number,
  min: number,
  max: number,
) {
  const pairs = rows
    .map((row) => row.id)
    .flatMap((id) =>
      [...new Set(Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, pick))].map((other) => [
        id,
        other,
      ]),
    );
  await client.query(`insert into ${table} select * from unnest($1::int[], $2::int[])`, [
    pairs.map((pair) => pair[0]),
    pairs.map((pair) => pair[1]),
  ]);
}

async function insertLessons(
  draw: Draw,
  numbers: number[],
  towns: { id: number }[],
  projectRows: { id: number }[],
): Promise<{ id: number }[]> {
  const { client, rand, writer, projects: perTown } = draw;
  const lessons = towns.flatMap((town, i) =>
    Array.from({ length: draw.lessons }, (_, l) => {
      const project = rand() < 0.5 ? projectRows[i * perTown + Math.floor(rand() * perTown)].id : null;
      return { slug: `${SYNTHETIC_PREFIX}${numbers[i]}-l${l + 1}`, municipality: town.id, project };
    }),
  );
  const { rows: lessonRows } = await client.query<{ id: number }>(
    `insert into lesson_learned (slug, title, body, kind, municipality_id, project_id, publication_state, created_at, updated_at)
     select *, 'PUBLISHED', now(), now() from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) returning id`,
    [
      lessons.map((l) => l.slug),
      lessons.map(() => writer.sentence()),
      lessons.map(() => writer.sentences(2, 6)),
      lessons.map(() => ["SUCCESS", "PITFALL", "RECOMMENDATION"][Math.floor(rand() * 3)]),
      lessons.map((l) => l.municipality),
      lessons.map((l) => l.project),
    ],
  );
  return lessonRows;
}
