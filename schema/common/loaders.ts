import {
  type AnyEntity,
  type EntityClass,
  type EntityManager,
  type EntityProperty,
  type FilterQuery,
  type QueryOrderKeysFlat,
  raw,
  ReferenceKind,
} from "@mikro-orm/core";
import type { Knex, EntityManager as SqlEntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { type Narrowing, PlainReader, relatedKey } from "./plain-rows.js";

type Key = string | number;

const GERMAN = new Intl.Collator("de");
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Keys in the order the database gives them (ids ascending), for ties of the sort property. */
const byKey = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The per-request DataLoaders. Each loader is made on first use and batches all
 * loads of one tick into a single SQL statement, so nested queries cost a
 * bounded number of statements however many rows they touch.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  /** The values each loader has loaded, by cache key: what `settledOr` answers without a promise. */
  private readonly settled = new WeakMap<DataLoader<unknown, unknown>, Map<unknown, unknown>>();
  /** The batch function and cache key of each loader that `loadAhead` may call directly. */
  private readonly sources = new WeakMap<DataLoader<unknown, unknown>, BatchSource>();
  /** Per loader: the keys `loadAhead` has queued or is loading, by cache key, with the batch that loads them. */
  private readonly ahead = new WeakMap<DataLoader<unknown, unknown>, Map<unknown, Promise<void>>>();
  /** Per loader: the batch `loadAhead` is gathering keys for, until it starts. */
  private readonly gathering = new WeakMap<DataLoader<unknown, unknown>, AheadBatch>();
  /** Per key of `together`: the items its calls of this tick gathered, until their run starts. */
  private readonly gatheringItems = new Map<object, ItemsBatch>();
  private plainReader: PlainReader | undefined;

  constructor(private readonly em: EntityManager) {}

  /** Reads rows as plain, untracked instances of their entity class (see plain-rows.ts), for the read edges. */
  get plain(): PlainReader {
    return (this.plainReader ??= new PlainReader(this.em as SqlEntityManager));
  }

  /** Returns the loader registered under `name`, creating it with `create` on first use (see `defineLoader`). */
  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The value `loader` has already loaded for `key` (by its cache key `cacheKey`), else a promise of it. A list edge
   * loaded ahead (schema/common/prefetch.ts) is then answered to graphql-js without a promise per item.
   */
  settledOr<K, V, C>(loader: DataLoader<K, V, C>, key: K, cacheKey: C): V | Promise<V> {
    const values = this.settled.get(loader as DataLoader<unknown, unknown>);
    return values?.has(cacheKey) ? (values.get(cacheKey) as V) : loader.load(key);
  }

  /** The value `loader` has already loaded for `cacheKey`, or undefined (then nothing is loaded). */
  settledValue<K, V, C>(loader: DataLoader<K, V, C>, cacheKey: C): V | undefined {
    return this.settled.get(loader as DataLoader<unknown, unknown>)?.get(cacheKey) as V | undefined;
  }

  /** Remembers the values a batch of `loader` loaded, for `settledOr`. */
  private remember<C>(loader: DataLoader<unknown, unknown, C>, keys: readonly C[], values: readonly unknown[]): void {
    let map = this.settled.get(loader as DataLoader<unknown, unknown>);
    if (!map) this.settled.set(loader as DataLoader<unknown, unknown>, (map = new Map()));
    keys.forEach((key, index) => map.set(key, values[index]));
  }

  /**
   * The values of `keys`, loaded ahead into `loader`'s settled values (see `settledOr`): what `loader.loadMany` gives,
   * without a promise and a cache entry per key. The keys of all calls in one tick are loaded in one batch, as
   * DataLoader batches them (a city's projects resolve per city, and each page's topics are loaded ahead in turn), by
   * the loader's own batch function; keys already loaded or loading are not loaded again. Loading 4,500 keys through
   * `loadMany` was a twentieth of a nested read's CPU (issue 18). For a loader not made here, `loadMany`.
   */
  async loadAhead<K, V, C>(loader: DataLoader<K, V, C>, keys: readonly K[]): Promise<V[]> {
    const own = loader as DataLoader<unknown, unknown>;
    const source = this.sources.get(own);
    if (!source) return allLoaded(await loader.loadMany(keys));
    let loading = this.ahead.get(own);
    if (!loading) this.ahead.set(own, (loading = new Map()));
    const settled = this.settled.get(own);
    const batches = new Set<Promise<void>>();
    const cacheKeys = keys.map(source.cacheKey);
    keys.forEach((key, index) => {
      const cacheKey = cacheKeys[index];
      if (settled?.has(cacheKey)) return;
      let batch = loading.get(cacheKey);
      if (!batch) loading.set(cacheKey, (batch = this.gather(own, source, loading, cacheKey, key)));
      batches.add(batch);
    });
    // All at once: a call whose keys span two batches that both fail must handle both rejections.
    await Promise.all(batches);
    const values = this.settled.get(own);
    return cacheKeys.map((cacheKey) => values?.get(cacheKey) as V);
  }

  /** Adds a key to the batch `loadAhead` gathers for `loader`, started when the tick's loads are in; returns its end. */
  private gather(
    loader: DataLoader<unknown, unknown>,
    source: BatchSource,
    loading: Map<unknown, Promise<void>>,
    cacheKey: unknown,
    key: unknown,
  ): Promise<void> {
    let batch = this.gathering.get(loader);
    if (!batch) {
      const keys = new Map<unknown, unknown>();
      const done = afterThisTick().then(async () => {
        this.gathering.delete(loader);
        try {
          await source.batch([...keys.values()]);
        } finally {
          for (const each of keys.keys()) loading.delete(each);
        }
      });
      this.gathering.set(loader, (batch = { keys, done }));
    }
    batch.keys.set(cacheKey, key);
    return batch.done;
  }

  /**
   * Runs `run` once for the items of all calls under `key` in one tick (as `loadAhead` gathers keys): a hundred cities'
   * pages of projects, resolved together, then load their topics and providers in one pass instead of a hundred, each
   * with its promises. Every call gets the one run's end (its failure too).
   */
  together<T>(key: object, items: readonly T[], run: (items: readonly T[]) => Promise<void>): Promise<void> {
    let batch = this.gatheringItems.get(key);
    if (!batch) {
      const gathered: unknown[] = [];
      const done = afterThisTick().then(() => {
        this.gatheringItems.delete(key);
        return run(gathered as T[]);
      });
      this.gatheringItems.set(key, (batch = { items: gathered, done }));
    }
    for (const item of items) batch.items.push(item);
    return batch.done;
  }

  /** Makes a loader of `batch` (by `cacheKey`) whose keys `loadAhead` may load directly. */
  private loaderOf<K, V, C>(batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: (key: K) => C): DataLoader<K, V, C> {
    const loader = new DataLoader<K, V, C>(batch, { cacheKeyFn: cacheKey });
    this.sources.set(loader as DataLoader<unknown, unknown>, { batch, cacheKey } as BatchSource);
    return loader;
  }

  /**
   * Loads entities by primary key; a missing row, or one the caller may not see, loads as null. The rows are plain,
   * untracked instances (see plain-rows.ts): every use is a read edge, and making the ORM's tracked entities (with
   * the joins its filters add to a find) cost most of such a read. Read them, never write them.
   */
  byId<T extends AnyEntity & { id: number }>(entity: EntityClass<T>): DataLoader<number, T | null> {
    return this.idLoader(entity, `${entity.name}#id`, {});
  }

  /**
   * Loads entities by primary key as the public sees them, whatever the caller
   * may read; a missing or unpublished row loads as null. For what must only
   * ever show public records, such as search hits. Plain instances, as `byId`; with `columns` (see `columnsAsked`),
   * read with only those.
   */
  publicById<T extends AnyEntity & { id: number }>(
    entity: EntityClass<T>,
    columns: readonly string[] | null = null,
  ): DataLoader<number, T | null> {
    const name = `${entity.name}#id#public${columns ? `#${columns.join()}` : ""}`;
    return this.idLoader(entity, name, { visible: { scope: "public" } }, columns);
  }

  private idLoader<T extends AnyEntity & { id: number }>(
    entity: EntityClass<T>,
    name: string,
    filters: Record<string, Record<string, unknown>>,
    columns: readonly string[] | null = null,
  ): DataLoader<number, T | null> {
    return this.get(name, () => {
      const loader: DataLoader<number, T | null, number> = this.loaderOf<number, T | null, number>(async (ids) => {
        const rows = await this.plain.byIds(entity, ids, filters, columns);
        const byId = new Map(rows.map((row) => [row.id, row]));
        const values = ids.map((id) => byId.get(id) ?? null);
        this.remember(loader, ids, values);
        return values;
      }, byItself);
      return loader;
    });
  }

  /**
   * Loads the children whose many-to-one `property` points at each parent id,
   * ordered by `orderBy` (then id); with `first`, only that many per parent (after skipping `offset`),
   * picked by the database. The children are plain, untracked instances (see plain-rows.ts): read them, never write them.
   * With `columns` (see `columnsAsked`), they are read with only those properties (and their keys), by a loader of
   * their own.
   */
  byParent<T extends AnyEntity & { id: number }>(
    entity: EntityClass<T>,
    property: keyof T & string,
    orderBy: Partial<Record<keyof T & string, QueryOrderKeysFlat>> = {},
    first?: number,
    offset = 0,
    columns: readonly string[] | null = null,
  ): DataLoader<number, T[]> {
    const name = `${entity.name}.${property}#${JSON.stringify(orderBy)}#${first ?? ""}#${offset}#${columns?.join() ?? "*"}`;
    return this.get(name, () => {
      const loader: DataLoader<number, T[], number> = this.loaderOf<number, T[], number>(async (parentIds) => {
        const order = { ...orderBy, id: "asc" } as never;
        const rows =
          first === undefined
            ? await this.plain.findByKeys(entity, property, parentIds, order, {}, columns)
            : await this.plain.findSelectedByKeys(
                entity,
                name,
                parentIds,
                (keys) => this.firstPerParent(entity, property, orderBy, keys, first, offset),
                order,
                columns,
              );
        const groups = new Map<Key, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) {
          const parentId = relatedKey(row, property);
          if (parentId !== null) groups.get(parentId)?.push(row);
        }
        const lists = parentIds.map((id) => groups.get(id) ?? []);
        this.remember(loader, parentIds, lists);
        return lists;
      }, byItself);
      return loader;
    });
  }

  /**
   * The query of the ids of the first `first` children of each parent after its first `offset`, in `orderBy` order
   * (then id), as the caller may see them: the subquery of the one statement that reads them. Wrapped, because a
   * knex query is thenable: awaiting it would run it.
   */
  private async firstPerParent<T extends AnyEntity & { id: number }>(
    entity: EntityClass<T>,
    property: keyof T & string,
    orderBy: Partial<Record<keyof T & string, QueryOrderKeysFlat>>,
    parentIds: readonly number[],
    first: number,
    offset: number,
  ): Promise<{ ids: Knex.QueryBuilder }> {
    const em = this.em as SqlEntityManager;
    const meta = em.getMetadata().get(entity.name);
    const column = (key: string) => meta.properties[key as keyof typeof meta.properties].fieldNames[0];
    // Directions come from the resolvers' own literals (`asc`, `desc nulls last`), never from a client.
    const order = [
      ...Object.entries(orderBy).map(([key, direction]) => `e.${column(key)} ${String(direction)}`),
      "e.id asc",
    ].join(", ");
    const ranked = em
      .createQueryBuilder(entity, "e")
      .select(["e.id", raw(`row_number() over (partition by e.${column(property)} order by ${order}) as rn`)])
      .where({ [property]: { $in: [...parentIds] } } as FilterQuery<T>);
    // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
    await ranked.applyFilters();
    const ids = em
      .getKnex()
      .select("id")
      .from(ranked.getKnexQuery().as("ranked"))
      .where("rn", ">", offset)
      .andWhere("rn", "<=", offset + first);
    return { ids };
  }

  /**
   * Loads a many-to-many collection of owner entities, sorted by the text
   * property `sortBy` of the related entity: names the German way, keys by code
   * point, as the database sorts them. The collections of one tick with the same related type (a city page's sources
   * of its strategies and of their fields of action) are read in one statement (see `readPivots`); with `columns`
   * (see `columnsAsked`), only those of the related rows are read, and such collections of one tick are one statement
   * whatever their related types (a page of projects' topics and providers).
   */
  related<O extends AnyEntity & { id: number }, T extends AnyEntity>(
    owner: EntityClass<O>,
    property: keyof O & string,
    sortBy: keyof T & string,
    columns: readonly string[] | null = null,
  ): DataLoader<O, T[], number> {
    const compare = sortBy === "name" || sortBy === "title" ? GERMAN.compare : byCodePoint;
    const order = (a: T, b: T) => compare(String(a[sortBy]), String(b[sortBy]));
    return this.get(`${owner.name}.${property}#${sortBy}#${columns?.join() ?? "*"}`, () => {
      const pivot = pivotPlan(this.em, owner, property);
      // A related type with filters is joined as the ORM's query of its rows, read whole.
      const read = pivot.filtered ? null : this.plain.narrowing(pivot.target, { [sortBy]: "asc" }, columns);
      // Narrowed lists of one tick are one statement whatever their related types; whole rows one per related type.
      const batch = read ? NARROWED_PIVOTS : wholeRowsOf(pivot.target);
      const loader: DataLoader<O, T[], number> = this.loaderOf<O, T[], number>(
        async (owners) => {
          const part: PivotPart = { pivot, read, ownerIds: ids(owners), related: [] };
          await this.together(batch, [part], (parts) => this.readPivots(parts));
          const lists = listsByOwner(part, order as (a: unknown, b: unknown) => number);
          this.remember(loader, part.ownerIds, lists);
          return lists as T[][];
        },
        (item) => item.id,
      );
      return loader;
    });
  }

  /**
   * Fills each part's related rows from one statement over the parts' pivot tables (a union) joined to the related
   * rows, which all parts share. The statement gives each distinct related row of a part once, with the ids of its
   * owners as a comma-separated list, and each related row becomes a plain instance (see plain-rows.ts) once, however
   * many owners and parts share it: populating thousands of collections (2,000 projects' topics) hydrated every pivot
   * row's joined entity and was most of a nested read's CPU, and a row per pivot row (keys only, but all columns named)
   * was much of what remained. A city page read the sources of each kind of record in a statement of its own. A
   * related type with filters (the visibility filter of sources) or formulas is joined as the ORM's own query of its
   * rows, so a row the caller may not see is left out.
   */
  private async readPivots(gathered: readonly PivotPart[]): Promise<void> {
    // In one order, so that the same pivots share one compiled statement whatever order their loads came in.
    const parts = [...gathered].sort((a, b) => byCodePoint(partName(a), partName(b)));
    const groups = pivotGroups(parts);
    const shape = `pivots ${parts.map(partName).join(" ")}`;
    const lists = parts.map((part) => part.ownerIds);
    const rows = await this.plain.keyedLists(shape, lists, {}, async (stands) =>
      (await this.pivotsQuery(parts, groups, stands)).query.toSQL(),
    );
    const instances = new Map<unknown, unknown>();
    for (const row of rows) {
      const index = row[PART_COLUMN] as number;
      const group = groups.of[index];
      const key = row[TARGET_COLUMN] as Key;
      const cacheKey = group.prefix === null ? key : `${group.prefix}${key}`;
      let entity = instances.get(cacheKey);
      if (entity === undefined) {
        const columns = group.prefix === null ? row : groupRow(row, group);
        instances.set(cacheKey, (entity = this.plain.fromRow(group.target, columns, group.read)));
      }
      // As text: node-postgres' parser of integer arrays took twice the CPU of splitting the list (4,000 owners).
      const owners = (row[OWNERS_COLUMN] as string).split(",").map(Number);
      parts[index].related.push({ key, entity, owners });
    }
  }

  /**
   * The statement of `readPivots` for these parts and lists of owners: each related row of the owners of each part's
   * pivot, with the part's index and the ids of its owners among them. The parts of one related type and columns
   * share a join of their pivots' union to the related rows; several such groups are a union of their joins, each
   * group's columns named with its prefix (`g1_slug`) and null in the others' rows. Wrapped, because a knex query is
   * thenable: awaiting it would run it.
   */
  private async pivotsQuery(
    parts: readonly PivotPart[],
    groups: PivotGroups,
    ownerIds: readonly (readonly number[])[],
  ): Promise<{ query: Knex.QueryBuilder }> {
    const knex = (this.em as SqlEntityManager).getKnex();
    const joins = await Promise.all(
      groups.all.map(async (group) => {
        const members = parts.flatMap((part, index) => (groups.of[index] === group ? [index] : []));
        const pairs = members.map((index) => pivotOwners(knex, parts[index].pivot, index, ownerIds[index]));
        const union = pairs.length === 1 ? pairs[0] : knex.unionAll(pairs, true);
        const { pivot } = parts[members[0]];
        const join = knex
          .select(
            `pv.${PART_COLUMN}`,
            `pv.${OWNERS_COLUMN}`,
            `pv.${TARGET_COLUMN}`,
            ...groupColumns(knex, groups, group),
          )
          .from(union.as("pv"))
          .join((await this.targetRows(pivot)).t, `t.${pivot.targetKey}`, `pv.${TARGET_COLUMN}`);
        // Wrapped: a knex query is thenable, and a promise resolved with it would run it.
        return { join };
      }),
    );
    return {
      query:
        joins.length === 1
          ? joins[0].join
          : knex.unionAll(
              joins.map(({ join }) => join),
              true,
            ),
    };
  }

  /**
   * The related table as `t`: the table itself, or, for a type with filters or formulas, the ORM's query of its rows
   * under the request's filters, with its formulas. Wrapped, because a knex query is thenable: awaiting it would run it.
   */
  private async targetRows(pivot: PivotPlan): Promise<{ t: string | Knex.QueryBuilder }> {
    if (!pivot.filtered) return { t: `${pivot.targetTable} as t` };
    const query = (this.em as SqlEntityManager).createQueryBuilder(pivot.target, "e").select("*");
    // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
    await query.applyFilters();
    return { t: query.getKnexQuery().as("t") };
  }
}

/** The key under which the narrowed pivot reads of one tick are read together, whatever their related types. */
const NARROWED_PIVOTS = {};

/** Per related type, the key under which its whole-row pivot reads of one tick are read together. */
const wholeRows = new WeakMap<object, object>();

function wholeRowsOf(target: object): object {
  let key = wholeRows.get(target);
  if (!key) wholeRows.set(target, (key = {}));
  return key;
}

/** A part's pivot and columns, which order the parts of a statement and name its shape. */
const partName = (part: PivotPart) => `${part.pivot.name}#${part.read?.key ?? "*"}`;

/** The related type and columns of one or more parts of `Loaders.readPivots`; `prefix` names its columns among several. */
interface PivotGroup {
  target: EntityClass<unknown>;
  read: Narrowing | null;
  /** Among several groups, what its columns are named with (`g0_`); null when it is the only one. */
  prefix: string | null;
  /** The columns' types, for the nulls of the other groups' rows. */
  types: readonly string[];
}

/** The groups of a statement's parts, in order, and the group of each part by its index. */
interface PivotGroups {
  all: readonly PivotGroup[];
  of: readonly PivotGroup[];
}

function pivotGroups(parts: readonly PivotPart[]): PivotGroups {
  const byName = new Map<string, PivotGroup>();
  const of = parts.map(({ pivot, read }) => {
    const name = `${pivot.target.name}#${read?.key ?? "*"}`;
    let group = byName.get(name);
    if (!group) {
      const types = read?.properties.map((property) => pivot.columnTypes[property]) ?? [];
      byName.set(name, (group = { target: pivot.target, read, prefix: null, types }));
    }
    return group;
  });
  const all = [...byName.values()];
  // Only narrowed parts share a statement with another related type (see `related`): each has its columns.
  if (all.length > 1) all.forEach((group, index) => (group.prefix = `g${index}_`));
  return { all, of };
}

/** One pivot's related rows among `ownerIds`, each with its owners' ids as text and the part's index. */
function pivotOwners(knex: Knex, pivot: PivotPlan, index: number, ownerIds: readonly number[]): Knex.QueryBuilder {
  return knex
    .select(
      knex.raw(`${index} as ??`, [PART_COLUMN]),
      knex.ref(pivot.targetColumn).as(TARGET_COLUMN),
      knex.raw(`array_to_string(array_agg(?? order by ??), ',') as ??`, [
        pivot.ownerColumn,
        pivot.ownerColumn,
        OWNERS_COLUMN,
      ]),
    )
    .from(pivot.table)
    .whereIn(pivot.ownerColumn, ownerIds)
    .groupBy(pivot.targetColumn);
}

/**
 * The related rows' columns a group's join selects: those of its read, else all; among several groups, every
 * group's columns with its prefix, null (of the column's type) where they are another group's.
 */
function groupColumns(knex: Knex, groups: PivotGroups, group: PivotGroup): (string | Knex.Raw)[] {
  if (group.prefix === null) return group.read ? group.read.fields.map((field) => `t.${field}`) : ["t.*"];
  return groups.all.flatMap((each) =>
    each.read!.fields.map((field, index) =>
      each === group
        ? knex.raw("?? as ??", [`t.${field}`, `${each.prefix}${field}`])
        : knex.raw(`null::${each.types[index]} as ??`, [`${each.prefix}${field}`]),
    ),
  );
}

/** A row of several groups' statement as the columns of its own group's related row. */
function groupRow(row: Record<string, unknown>, group: PivotGroup): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const field of group.read!.fields) columns[field] = row[`${group.prefix}${field}`];
  return columns;
}

/** A loader's batch function and cache key, as `Loaders.loadAhead` calls them. */
interface BatchSource {
  batch: (keys: readonly unknown[]) => Promise<unknown[]>;
  cacheKey: (key: unknown) => unknown;
}

/** The keys `Loaders.loadAhead` gathers for one batch of a loader, and the batch's end. */
interface AheadBatch {
  keys: Map<unknown, unknown>;
  done: Promise<void>;
}

/** The items `Loaders.together` gathers under one key, and the end of their run. */
interface ItemsBatch {
  items: unknown[];
  done: Promise<void>;
}

/** One loader's batch in `Loaders.readPivots`: its pivot, its owners' ids, and (once read) their related rows. */
interface PivotPart {
  pivot: PivotPlan;
  /** The columns it reads of the related rows (null: all). */
  read: Narrowing | null;
  ownerIds: readonly number[];
  related: { key: Key; entity: unknown; owners: readonly number[] }[];
}

/**
 * A part's related rows by owner, each owner's in `order` (then by key): the related rows are sorted once and handed
 * to their owners in that order, rather than each owner's list sorted on its own.
 */
function listsByOwner(part: PivotPart, order: (a: unknown, b: unknown) => number): unknown[][] {
  part.related.sort((a, b) => order(a.entity, b.entity) || byKey(a.key, b.key));
  const byOwner = new Map<number, unknown[]>();
  for (const { entity, owners } of part.related)
    for (const owner of owners) {
      const list = byOwner.get(owner);
      if (list) list.push(entity);
      else byOwner.set(owner, [entity]);
    }
  return part.ownerIds.map((id) => byOwner.get(id) ?? []);
}

/** The values of a `loadMany`, or its first error. */
function allLoaded<V>(values: readonly (V | Error)[]): V[] {
  const error = values.find((value): value is Error => value instanceof Error);
  if (error) throw error;
  return values as V[];
}

/** A key that is its own cache key. */
const byItself = <K>(key: K) => key;

/**
 * Resolves once the promise jobs queued now have run, and the next tick: when DataLoader starts its batches, so that
 * the loads of all resolvers resolved together join one batch.
 */
const afterThisTick = () => Promise.resolve().then(() => new Promise<void>((resolve) => process.nextTick(resolve)));

/** The ids of a batch of owners: the loader's cache key is the owner's id, so they are distinct. */
const ids = (owners: readonly { id: number }[]) => owners.map((item) => item.id);

/** The related row's key and its owners' ids, in the rows of `Loaders.readPivots`: names no table has as a column. */
const TARGET_COLUMN = "__pivot_target";
const OWNERS_COLUMN = "__pivot_owners";
/** The index of a related row's pivot among those of one statement of `Loaders.readPivots`. */
const PART_COLUMN = "__pivot_part";

/** How `Loaders.readPivots` reads one many-to-many relation: its pivot table's columns and the related table. */
interface PivotPlan {
  /** The pivot table and its owner's column, which name it among the pivots of one statement. */
  name: string;
  table: string;
  ownerColumn: string;
  targetColumn: string;
  target: EntityClass<unknown>;
  targetTable: string;
  targetKey: string;
  /** Whether the related type has filters or formulas: then its rows are read through the ORM's query (`targetRows`). */
  filtered: boolean;
  /** The related type's column types by property (`varchar(60)`), for the nulls of a union with another type. */
  columnTypes: Readonly<Record<string, string>>;
}

/**
 * How a many-to-many relation is read from its pivot table by plain SQL. Every list `related` serves is the owning
 * side with single-column keys; anything else is a programming error, named on the loader's first use.
 */
function pivotPlan(em: EntityManager, owner: EntityClass<unknown>, property: string): PivotPlan {
  const prop = em.getMetadata().get(owner.name).properties[property as never] as EntityProperty<unknown>;
  const target = em.getMetadata().get(prop.type);
  const plain =
    prop.kind === ReferenceKind.MANY_TO_MANY &&
    prop.owner &&
    prop.joinColumns.length === 1 &&
    prop.inverseJoinColumns.length === 1 &&
    target.getPrimaryProps().length === 1;
  if (!plain)
    throw new Error(`${owner.name}.${property} is not an owning many-to-many relation with single-column keys`);
  return {
    name: `${prop.pivotTable}.${prop.joinColumns[0]}`,
    filtered: Object.keys(target.filters ?? {}).length > 0 || target.props.some((each) => each.formula !== undefined),
    table: prop.pivotTable,
    ownerColumn: prop.joinColumns[0],
    targetColumn: prop.inverseJoinColumns[0],
    target: target.class,
    targetTable: target.tableName,
    targetKey: target.getPrimaryProps()[0].fieldNames[0],
    columnTypes: Object.fromEntries(
      target.props
        .filter((each) => each.columnTypes?.length === 1)
        .map((each) => [each.name, castable(each.columnTypes[0])]),
    ),
  };
}

/** A column's declared type as a cast takes it: `serial` and its kin are no types, only a default. */
const castable = (type: string) =>
  ({ smallserial: "smallint", serial: "integer", bigserial: "bigint" })[type.toLowerCase()] ?? type;

/**
 * Memoises `make(loaders)` per request's loaders: an accessor asked once per parent (thousands of times per answer)
 * then finds its loader without building the loader's name each time.
 */
export function perRequest<L>(make: (loaders: Loaders) => L): (loaders: Loaders) => L {
  const made = new WeakMap<Loaders, L>();
  return (loaders) => {
    let value = made.get(loaders);
    if (value === undefined) made.set(loaders, (value = make(loaders)));
    return value;
  };
}

/**
 * As `perRequest`, one value per request and list of columns (see `columnsAsked`; null for all): the loaders of an
 * edge loaded ahead with only the columns a query asks. Lists are told apart by identity, each being kept with the
 * plan of a parsed document; equal lists made apart get values of their own, which `Loaders.get` makes one loader.
 */
export function perRequestAndColumns<L>(
  make: (loaders: Loaders, columns: readonly string[] | null) => L,
): (loaders: Loaders, columns: readonly string[] | null) => L {
  const made = new WeakMap<Loaders, Map<readonly string[] | null, L>>();
  return (loaders, columns) => {
    let byColumns = made.get(loaders);
    if (!byColumns) made.set(loaders, (byColumns = new Map()));
    let value = byColumns.get(columns);
    if (value === undefined) byColumns.set(columns, (value = make(loaders, columns)));
    return value;
  };
}

/** What a declared loader's batch function reads: the request's EntityManager and loaders. */
export interface LoaderScope {
  em: SqlEntityManager;
  loaders: Loaders;
}

/** Loads the values of a batch of keys, in key order, for one request; `params` is what the caller passed. */
export type BatchFn<K, V, P> = (scope: LoaderScope, keys: readonly K[], params: P) => Promise<V[]>;

/** The per-request loader of a declared batch function (one per request and distinct `params`), and its name. */
export type LoaderAccessor<K, V, P = void> = ((scope: LoaderScope, params: P) => DataLoader<K, V>) & {
  readonly loaderName: string;
};

const declaredNames = new Set<string>();

/**
 * Declares a per-request DataLoader once, at module level: `name` identifies it in the
 * request's loaders, `batch` loads a batch of keys. The accessor it returns gets or
 * makes the request's loader; `variant` names loaders whose batch depends on `params`.
 */
export function defineLoader<K, V, P = void>(
  name: string,
  batch: BatchFn<K, V, P>,
  variant?: (params: P) => string,
): LoaderAccessor<K, V, P> {
  if (declaredNames.has(name)) throw new Error(`A loader named ${name} is declared twice.`);
  declaredNames.add(name);
  const accessor = (scope: LoaderScope, params: P) => {
    const key = variant ? `${name}#${variant(params)}` : name;
    return scope.loaders.get(key, () => new DataLoader<K, V>((keys) => batch(scope, keys, params)));
  };
  return Object.assign(accessor, { loaderName: name });
}
