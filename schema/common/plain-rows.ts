import {
  type AnyEntity,
  type Dictionary,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type MetadataStorage,
  type Platform,
  type QueryOrderMap,
  ReferenceKind,
} from "@mikro-orm/core";
import type { Knex, QueryBuilder, EntityManager as SqlEntityManager } from "@mikro-orm/postgresql";
import { LRUCache } from "lru-cache";
import { type PreparedRead, preparedRead, runPrepared, valuesOf } from "./prepared.js";

/**
 * Read-only instances of entity classes made straight from rows, for the loaders behind the public read edges
 * (a municipality's strategies and projects, a strategy's fields of action, many-to-many topics and providers).
 * They have the class's prototype (its getters, the type name that global ids and `__typename` use) and every column
 * property with the value the ORM would give it; a many-to-one relation is the ORM's reference to the related row,
 * a collection is absent. They are not tracked by the ORM: no identity map, no snapshot for change detection, no
 * collections. Making 2,000 tracked projects (and the garbage they leave) was most of a nested read's CPU (issue 18).
 * Only for reads: writes load their records through the EntityManager.
 */
export class PlainReader {
  /** The references of this reader's instances, made when first read. */
  private readonly references: References;
  /** `filterKey` without filters of its own, and the request's filter parameters it was worked out for. */
  private requestFilterKey: { params: readonly unknown[]; key: string } | undefined;

  constructor(private readonly em: SqlEntityManager) {
    this.references = new References(em);
  }

  /**
   * The rows of `entity` matching `where` under the ORM's filters (the visibility filter, with the request's
   * parameters unless `filters` gives others), in `orderBy` order (the first `limit` of them), as plain instances: one
   * statement, formulas (e.g. `parentUpdatedAt`) included as the ORM reads them.
   */
  async find<T extends AnyEntity>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    orderBy: QueryOrderMap<T> = {},
    filters: Dictionary<boolean | Dictionary> = {},
    limit?: number,
  ): Promise<T[]> {
    const first =
      limit !== undefined && Object.keys(where).length === 0 && !this.em.getTransactionContext()
        ? await this.first(entity, orderBy, filters, limit)
        : null;
    if (first) return first;
    const query = this.em.createQueryBuilder(entity, "e").select("*").where(where).orderBy(orderBy);
    if (limit !== undefined) query.limit(limit);
    return this.read(entity, query, filters);
  }

  /**
   * `find` without conditions (a root list's first page): its statement prepared once per entity, order and filter
   * parameters (see prepared.ts), the limit its parameter. Building it through the query builder for every page was a
   * twentieth of a small nested read's CPU (issue 18). Null where the statement cannot be prepared.
   */
  private async first<T extends AnyEntity>(
    entity: EntityClass<T>,
    orderBy: QueryOrderMap<T>,
    filters: Dictionary<boolean | Dictionary>,
    limit: number,
  ): Promise<T[] | null> {
    const reads = firstReadsOf(this.em.getMetadata());
    const key = `${entity.name}\u0000${JSON.stringify(orderBy)}\u0000${this.filterKey(filters)}`;
    let read = reads.get(key);
    if (read === undefined) {
      const query = this.em.createQueryBuilder(entity, "e").select("*").orderBy(orderBy).limit(LIMIT_STAND_IN);
      await query.applyFilters(filters);
      const { sql, bindings } = query.getKnexQuery().toSQL();
      const limitAt = bindings.indexOf(LIMIT_STAND_IN);
      const single = limitAt >= 0 && bindings.lastIndexOf(LIMIT_STAND_IN) === limitAt;
      read = { prepared: single ? preparedRead(sql, bindings, []) : null, limitAt };
      reads.set(key, read);
    }
    if (!read.prepared) return null;
    const rows = await runPrepared(
      this.em,
      read.prepared,
      valuesOf(read.prepared, [], new Map([[read.limitAt, limit]])),
    );
    return rows.map((row) => this.fromRow(entity, row));
  }

  /**
   * The rows of `entity` whose ids the query `ids` selects (one column), under the ORM's filters, in `orderBy` order,
   * as plain instances: one statement with the ids as its subquery.
   */
  async findSelected<T extends AnyEntity>(
    entity: EntityClass<T>,
    ids: Knex.QueryBuilder,
    orderBy: QueryOrderMap<T> = {},
  ): Promise<T[]> {
    return this.read(entity, this.selectedQuery(entity, ids, orderBy));
  }

  /**
   * The rows of `entity` whose `property` is one of `keys`, under the ORM's filters (with the request's parameters
   * unless `filters` gives others), in `orderBy` order, as plain instances: `find`'s statement, compiled once per
   * entity, property, order and filter parameters (see `keyed`). With `columns`, only those are read, as
   * `findSelectedByKeys` reads them.
   */
  async findByKeys<T extends AnyEntity>(
    entity: EntityClass<T>,
    property: string,
    keys: readonly Key[],
    orderBy: QueryOrderMap<T> = {},
    filters: Dictionary<boolean | Dictionary> = {},
    columns: readonly string[] | null = null,
  ): Promise<T[]> {
    const read = this.narrowing(entity, orderBy, columns);
    const shape = `find ${entity.name}.${property} ${JSON.stringify(orderBy)} ${read?.key ?? "*"}`;
    const rows = await this.keyed(shape, keys, filters, async (stand) => {
      const where = { [property]: { $in: stand } } as FilterQuery<T>;
      const query = this.em.createQueryBuilder(entity, "e").select(selection(read)).where(where).orderBy(orderBy);
      await query.applyFilters(filters);
      return query.getKnexQuery().toSQL();
    });
    return rows.map((row) => this.fromRow(entity, row, read));
  }

  /**
   * The rows of `entity` whose ids the query `ids(keys)` selects, as `findSelected` reads them, from a statement
   * compiled once per `shape` (which names everything but the keys that the query depends on) and filter parameters.
   * With `columns` (property names, see `columnsAsked`), only those, the keys (id, many-to-one) and the order's are
   * read, when each is a column of its own; reading any other property of such an instance throws.
   */
  async findSelectedByKeys<T extends AnyEntity>(
    entity: EntityClass<T>,
    shape: string,
    keys: readonly number[],
    ids: (keys: readonly number[]) => Promise<{ ids: Knex.QueryBuilder }>,
    orderBy: QueryOrderMap<T> = {},
    columns: readonly string[] | null = null,
  ): Promise<T[]> {
    const read = this.narrowing(entity, orderBy, columns);
    const rows = await this.keyed(`selected ${entity.name} ${shape} ${read?.key ?? "*"}`, keys, {}, async (stand) => {
      const query = this.selectedQuery(entity, (await ids(stand)).ids, orderBy, read);
      await query.applyFilters();
      return query.getKnexQuery().toSQL();
    });
    return rows.map((row) => this.fromRow(entity, row, read));
  }

  private selectedQuery<T extends AnyEntity>(
    entity: EntityClass<T>,
    ids: Knex.QueryBuilder,
    orderBy: QueryOrderMap<T>,
    read: Narrowing | null = null,
  ): QueryBuilder<T> {
    const { sql, bindings } = ids.toSQL();
    return this.em
      .createQueryBuilder(entity, "e")
      .select(selection(read))
      .where(`e.id in (${sql})`, [...bindings])
      .orderBy(orderBy);
  }

  /**
   * How a read of `columns` is narrowed: it reads those, the order's and the keys (id, many-to-one), when each is a
   * scalar of one column (not a formula); else null, every column.
   */
  narrowing(entity: EntityClass<unknown>, orderBy: object, columns: readonly string[] | null): Narrowing | null {
    if (!columns) return null;
    const plan = this.planOf(entity);
    // Kept by the list of columns (one per parsed document's selection, see prefetch.ts) and the order's properties.
    let byOrder = plan.narrowings.get(columns);
    if (!byOrder) plan.narrowings.set(columns, (byOrder = new Map()));
    const ordered = Object.keys(orderBy);
    const key = ordered.join();
    let narrowing = byOrder.get(key);
    if (narrowing === undefined) {
      const asked = [...new Set([...columns, ...ordered])].filter((name) => !plan.keys.includes(name));
      const narrowed = asked.every((name) => plan.scalars.has(name));
      narrowing = narrowed ? narrowingOf(plan, [...plan.keys, ...asked.sort()]) : null;
      byOrder.set(key, narrowing);
    }
    return narrowing;
  }

  /**
   * The rows of a read statement for a list of keys (ids; none without a statement). `build` compiles the statement
   * for a stand-in list, once per `shape` (which must name everything but the keys that the statement depends on)
   * and the filter parameters in force (the request's, and `filters`), shared by all requests; each run binds the keys
   * in its place. Building a loader's statement through the query builder (criteria, filters, knex) cost about three
   * times running it (issue 18). Inside the request's transaction when it has one, as `selectRows`.
   */
  async keyed<K extends Key>(
    shape: string,
    keys: readonly K[],
    filters: Dictionary<boolean | Dictionary>,
    build: (stand: readonly K[]) => Promise<Knex.Sql>,
  ): Promise<Record<string, unknown>[]> {
    return this.keyedLists(shape, [keys], filters, ([stand]) => build(stand));
  }

  /**
   * As `keyed`, for a statement that takes several lists of keys, each as one `in (…)` list (the parts of a union):
   * `build` gets a stand-in list for each. No statement when every list is empty; an empty list matches no row.
   */
  async keyedLists<K extends Key>(
    shape: string,
    lists: readonly (readonly K[])[],
    filters: Dictionary<boolean | Dictionary>,
    build: (stands: readonly (readonly K[])[]) => Promise<Knex.Sql>,
  ): Promise<Record<string, unknown>[]> {
    const first = lists.find((keys) => keys.length > 0);
    if (!first) return [];
    const statements = compiledOf(this.em.getMetadata());
    const stands = lists.map((_keys, index) => standIn(first[0], index) as K);
    const key = `${shape}\u0000${typeof first[0]}\u0000${this.filterKey(filters)}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = compile(await build(stands.map((stand) => [stand])), stands, shape);
      statements.set(key, statement);
    }
    const transaction = this.em.getTransactionContext();
    if (statement.prepared && !transaction)
      return runPrepared(this.em, statement.prepared, valuesOf(statement.prepared, lists));
    const bindings = [...statement.bindings];
    // An empty list as `in (null)`, which holds for no row (`in ()` is not SQL).
    statement.keysAt.forEach((at, index) => (bindings[at] = lists[index].length ? [...lists[index]] : [null]));
    return this.em.getConnection().execute<Record<string, unknown>[]>(statement.sql, bindings, "all", transaction);
  }

  /** The filter parameters a statement is compiled under: `filters`, and the request's of every filter the entities declare. */
  private filterKey(filters: Dictionary<boolean | Dictionary>): string {
    const params = filterNames(this.em.getMetadata()).map((name) => this.em.getFilterParams(name) ?? null);
    const plain = Object.keys(filters).length === 0;
    const kept = this.requestFilterKey;
    // A request sets its parameters once (a new object each time), and reads a dozen statements with them.
    if (plain && kept?.params.every((param, index) => param === params[index])) return kept.key;
    const key = JSON.stringify([filters, params]);
    if (plain) this.requestFilterKey = { params, key };
    return key;
  }

  private async read<T extends AnyEntity>(
    entity: EntityClass<T>,
    query: QueryBuilder<T>,
    filters: Dictionary<boolean | Dictionary> = {},
  ): Promise<T[]> {
    // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
    await query.applyFilters(filters);
    return (await this.rowsOf(query)).map((row) => this.fromRow(entity, row));
  }

  /** The rows of `query` as the driver returns them: a prepared read (prepared.ts) outside a transaction, if it can be. */
  private rowsOf<T extends AnyEntity>(query: QueryBuilder<T>): Promise<Record<string, unknown>[]> {
    const { sql, bindings } = query.getKnexQuery().toSQL();
    const prepared = this.em.getTransactionContext() ? null : preparedRead(sql, bindings, [], false);
    return prepared ? runPrepared(this.em, prepared, prepared.values) : query.execute("all", false);
  }

  /**
   * The one row of `entity` whose unique `property` is `key` (a slug), under the ORM's filters, as a plain instance;
   * or null. A keyed statement (`findByKeys`): a record page's lookup is built once, not per request.
   */
  async findOne<T extends AnyEntity>(entity: EntityClass<T>, property: string, key: Key): Promise<T | null> {
    return (await this.findByKeys(entity, property, [key]))[0] ?? null;
  }

  /**
   * The rows of `entity` with these ids (none without a statement), under the ORM's filters (with the request's
   * parameters unless `filters` gives others), in no particular order.
   */
  async byIds<T extends AnyEntity>(
    entity: EntityClass<T>,
    ids: readonly number[],
    filters: Dictionary<boolean | Dictionary> = {},
    columns: readonly string[] | null = null,
  ): Promise<T[]> {
    return this.findByKeys(entity, "id", ids, {}, filters, columns);
  }

  /**
   * One row of `entity`'s table (column names, as the driver returns them; other columns are ignored) as a plain instance;
   * with `read`, an instance of that narrowed read.
   */
  fromRow<T extends AnyEntity>(entity: EntityClass<T>, row: Record<string, unknown>, read: Narrowing | null = null): T {
    const plan = this.planOf(entity);
    const { meta, properties } = plan;
    // The driver's own mapping from columns to properties: it parses dates (the driver reads them as text) and formulas.
    const data = this.em.getDriver().mapResult(row, meta) as Record<string, unknown>;
    const prototype = read?.prototype ?? plan.prototype;
    const instance = Object.create(prototype) as Record<string | symbol, unknown>;
    for (const plan of properties) {
      if (!(plan.name in data)) continue;
      const value = data[plan.name];
      if (!plan.reference) instance[plan.name] = plan.convert(value);
      // The reference is made when first read (see `plainPrototype`): most are never read.
      else instance[plan.keySlot] = value ?? null;
    }
    instance[REFERENCES] = this.references;
    return instance as T;
  }

  /** How each column of `entity` becomes a property, worked out once per entity (per ORM, by its metadata). */
  private planOf(entity: EntityClass<unknown>): EntityPlan {
    const meta = this.em.getMetadata().get(entity.name);
    let plan = plans.get(meta);
    if (!plan) {
      const properties = propertyPlans(meta, this.em.getPlatform());
      const keys = properties.filter((each) => each.reference || meta.primaryKeys.includes(each.name));
      const scalars = (meta.props as EntityProperty<object>[]).filter(
        (prop) => prop.kind === ReferenceKind.SCALAR && prop.fieldNames?.length === 1 && !prop.formula,
      );
      plan = {
        meta,
        prototype: plainPrototype(entity, properties),
        properties,
        keys: keys.map((each) => each.name),
        scalars: new Set(scalars.map((prop) => prop.name)),
        narrowed: new Map(),
        narrowings: new WeakMap(),
      };
      plans.set(meta, plan);
    }
    return plan;
  }
}

/** What a narrowed read selects (every column without one). */
const selection = (read: Narrowing | null) => (read ? [...read.columns] : "*");

/** The keys of a keyed read: ids, or text keys such as slugs. */
type Key = number | string;

/**
 * Stands for the `index`th list of keys while a keyed statement is compiled: values no key has (ids are positive, slugs
 * printable), of the type of `key`.
 */
const standIn = (key: Key, index: number): Key =>
  typeof key === "string" ? `\u0000keys${index}` : KEYS_STAND_IN - index;
const KEYS_STAND_IN = -1_999_999_999;

/**
 * A keyed read statement as compiled once: its SQL with `?` placeholders, its bindings, and which bindings the lists of
 * keys take, in order.
 */
interface CompiledStatement {
  sql: string;
  bindings: readonly unknown[];
  keysAt: readonly number[];
  /** The statement as PostgreSQL prepares it, when its bindings allow (see prepared.ts). */
  prepared: PreparedRead | null;
}

/** The keyed statements compiled so far, per ORM (by its metadata), by shape and filter parameters. */
// Shapes are few (one per loader and order), filter parameters one per editing municipality: the bound is generous.
const compiledOf = perOrm<CompiledStatement>(5000);

/** A cache of at most `max` entries per ORM (by its metadata), made on first use. */
function perOrm<V extends object>(max: number): (metadata: MetadataStorage) => LRUCache<string, V> {
  const caches = new WeakMap<MetadataStorage, LRUCache<string, V>>();
  return (metadata) => {
    let cache = caches.get(metadata);
    if (!cache) caches.set(metadata, (cache = new LRUCache<string, V>({ max })));
    return cache;
  };
}

/**
 * Where the stand-in lists went in a compiled statement. Each must be one binding, the list of an `in (?)`: the driver
 * then expands the keys there (`in (1, 2, 3)`); anything else is a programming error, named on first use.
 */
function compile({ sql, bindings }: Knex.Sql, stands: readonly Key[], shape: string): CompiledStatement {
  const before = sql.split("?");
  const keysAt = stands.map((stand) => bindings.indexOf(stand));
  const single = keysAt.every((at, index) => at >= 0 && bindings.lastIndexOf(stands[index]) === at);
  if (!single || before.length !== bindings.length + 1 || !keysAt.every((at) => /\bin \($/.test(before[at])))
    throw new Error(`The statement of ${shape} does not take its keys as one list: ${sql}`);
  return { sql, bindings: [...bindings], keysAt, prepared: preparedRead(sql, bindings, keysAt) };
}

/** A first page's prepared read (see `PlainReader.first`), null where it cannot be prepared, and where its limit goes. */
interface FirstRead {
  prepared: PreparedRead | null;
  limitAt: number;
}

/** Stands for the limit while a first page's statement is compiled: no page is that long. */
const LIMIT_STAND_IN = 1_999_999_999;

/** The first pages' reads prepared so far, per ORM (by its metadata), by entity, order and filter parameters. */
const firstReadsOf = perOrm<FirstRead>(1000);

/** The names of the filters the entities declare, per ORM. */
const filterNamesOf = new WeakMap<MetadataStorage, string[]>();

function filterNames(metadata: MetadataStorage): string[] {
  let names = filterNamesOf.get(metadata);
  if (!names) {
    const all = Object.values(metadata.getAll()).flatMap((meta) => Object.keys(meta.filters ?? {}));
    filterNamesOf.set(metadata, (names = [...new Set(all)].sort()));
  }
  return names;
}

/** The plans of each entity, by its metadata. */
const plans = new WeakMap<EntityMetadata<object>, EntityPlan>();

/** How a plain instance of one entity is made: its prototype and its properties. */
interface EntityPlan {
  meta: EntityMetadata<object>;
  prototype: object;
  properties: PropertyPlan[];
  /** The primary key and many-to-one properties: what every read reads. */
  keys: string[];
  /** The properties of one column that are not formulas: what a read may leave out. */
  scalars: Set<string>;
  /** The reads with fewer columns, by the properties read. */
  narrowed: Map<string, Narrowing>;
  /** What `PlainReader.narrowing` answered, by the columns asked and the order's properties. */
  narrowings: WeakMap<readonly string[], Map<string, Narrowing | null>>;
}

/** A read with fewer columns: the properties it reads, their list as text, and the prototype of its instances. */
export interface Narrowing {
  properties: readonly string[];
  /**
   * The columns it selects, named as in the table: a many-to-one key named by its property became the joined
   * table's id when a filter joined that relation (a field of action's strategy), not the row's own column.
   */
  columns: readonly string[];
  /** The same columns' names in the table, without the alias. */
  fields: readonly string[];
  key: string;
  prototype: object;
}

/**
 * What a narrowed instance's unread property holds: a value any use of which throws `message` (reading a property of
 * it, turning it into text, a number or JSON), so that a field answered from it is a field error naming the property.
 * Not a getter that throws: graphql-jit reads a field without a resolver outside its error handling, so such a
 * getter's error escaped as an unhandled rejection and the answer never came, where a value that throws when
 * serialised is a field error there too, as in graphql-js.
 */
export function unread(message: string): object {
  const fail = (): never => {
    throw new Error(message);
  };
  return new Proxy(Object.create(null) as object, {
    get: fail,
    set: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    defineProperty: fail,
    deleteProperty: fail,
  });
}

/**
 * The read of only `properties`, made once per entity and list. Its instances' prototype lies beneath the plain
 * prototype, where each other column property reads as `unread`'s value, so that whatever uses what was left out
 * fails loudly rather than showing nothing. A value set on the instance itself stands as on any plain instance.
 */
function narrowingOf(plan: EntityPlan, properties: readonly string[]): Narrowing {
  const key = properties.join();
  let narrowing = plan.narrowed.get(key);
  if (narrowing) return narrowing;
  const prototype = Object.create(plan.prototype) as object;
  const entity = plan.meta.className;
  for (const { name } of plan.properties) {
    if (properties.includes(name)) continue;
    const missing = unread(`${entity}.${name} was not read: the list read only ${key} for the fields its query asked`);
    Object.defineProperty(prototype, name, {
      get() {
        return missing;
      },
      set(value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: false,
      configurable: true,
    });
  }
  const props = plan.meta.properties as Record<string, EntityProperty>;
  const fields = properties.map((name) => props[name].fieldNames[0]);
  const columns = fields.map((field) => `e.${field}`);
  plan.narrowed.set(key, (narrowing = { properties, fields, columns, key, prototype }));
  return narrowing;
}

/**
 * The prototype of an entity's plain instances: the class's own, beneath plain writable properties. The ORM puts a
 * setter for every tracked property on the class's prototype, which gives an instance its change tracking on first
 * assignment (a helper object and an accessor per property); a property found first here is simply set on the instance.
 * A many-to-one property is a getter here that makes the ORM's reference from the key the row held, on first read,
 * and keeps it on the instance: making a reference for each of 2,000 projects' city, strategy and field of action (an
 * entity, its helper and its `Ref` each) was about a twentieth of a nested read's CPU on 100 cities and more on the seed
 * data, besides its garbage, and most were never read (issue 18).
 */
function plainPrototype(entity: EntityClass<unknown>, properties: readonly PropertyPlan[]): object {
  const prototype = Object.create(entity.prototype) as object;
  for (const plan of properties) {
    if (!plan.reference) {
      Object.defineProperty(prototype, plan.name, {
        value: undefined,
        writable: true,
        enumerable: false,
        configurable: true,
      });
      continue;
    }
    Object.defineProperty(prototype, plan.name, {
      get(this: Record<string | symbol, unknown>) {
        const key = this[plan.keySlot];
        const references = this[REFERENCES] as References | undefined;
        if (key === undefined || key === null || !references) return key;
        const value = references.of(plan, key);
        setOwn(this, plan.name, value);
        return value;
      },
      set(this: object, value: unknown) {
        setOwn(this, plan.name, value);
      },
      enumerable: false,
      configurable: true,
    });
  }
  return prototype;
}

/** Sets `name` on the instance itself, shadowing its prototype's accessor. */
function setOwn(instance: object, name: string, value: unknown): void {
  Object.defineProperty(instance, name, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The ORM's references that a reader's instances point at, made when first read, once per related row: 2,000 projects
 * point at 100 cities.
 */
class References {
  private readonly made = new Map<EntityClass<unknown>, Map<unknown, unknown>>();

  constructor(private readonly em: SqlEntityManager) {}

  /** The ORM's reference to the related row of `plan` with this key (a `Ref` where the property is declared as one). */
  of(plan: PropertyPlan, key: unknown): unknown {
    let made = this.made.get(plan.reference!);
    if (!made) this.made.set(plan.reference!, (made = new Map()));
    // A `Ref` and the entity itself are different values: one cache for each way a property declares it.
    const cacheKey = plan.wrapped ? key : `entity:${String(key)}`;
    let reference = made.get(cacheKey);
    if (reference === undefined) {
      reference = this.em.getReference(plan.reference!, key as never, { wrapped: plan.wrapped });
      made.set(cacheKey, reference);
    }
    return reference;
  }
}

/** Where a plain instance keeps the references of the reader that made it, which its many-to-one getters make. */
const REFERENCES = Symbol("ikz-hub.plainReferences");

/** Where a plain instance keeps the key of each many-to-one row until its reference is made, by property name. */
const keySlots = new Map<string, symbol>();

function keySlotOf(name: string): symbol {
  let slot = keySlots.get(name);
  if (!slot) keySlots.set(name, (slot = Symbol(`ikz-hub.key.${name}`)));
  return slot;
}

/**
 * The key of the row a many-to-one `property` of `record` points at, or null: read from the row's column on a plain
 * instance whose reference was not made yet, without making it; else the reference's or entity's id.
 */
export function relatedKey(record: object, property: string): number | string | null {
  const own = record as Record<string | symbol, unknown>;
  if (!Object.hasOwn(own, property)) {
    const key = own[keySlotOf(property)];
    if (key !== undefined) return key as number | string;
  }
  const related = own[property] as { id?: number | string } | null | undefined;
  return related?.id ?? null;
}

/** How one column becomes one property of a plain instance. */
interface PropertyPlan {
  name: string;
  /** The related entity of a many-to-one or owning one-to-one relation. */
  reference?: EntityClass<unknown>;
  /** Where an instance keeps the related row's key until its reference is made (see `plainPrototype`). */
  keySlot: symbol;
  wrapped: boolean;
  convert: (value: unknown) => unknown;
}

const asIs = (value: unknown) => value;

/**
 * The column properties of an entity (scalars, formulas, many-to-one keys) with the conversion the ORM's hydrator
 * applies. Entities whose properties span several columns (embeddables, composite keys) are not supported here.
 */
function propertyPlans(meta: EntityMetadata<object>, platform: Platform): PropertyPlan[] {
  const plans: PropertyPlan[] = [];
  for (const prop of meta.props as EntityProperty<object>[]) {
    if (prop.fieldNames?.length !== 1) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = prop.customType;
      plans.push({
        name: prop.name,
        keySlot: keySlotOf(prop.name),
        wrapped: false,
        convert: type ? (value) => (value === null ? null : type.convertToJSValue(value, platform)) : asIs,
      });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      plans.push({
        name: prop.name,
        keySlot: keySlotOf(prop.name),
        reference: prop.targetMeta!.class,
        wrapped: Boolean(prop.ref),
        convert: asIs,
      });
    }
  }
  return plans;
}
