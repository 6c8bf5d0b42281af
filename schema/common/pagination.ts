import { type AnyEntity, type EntityClass, type FilterQuery, type QueryOrderMap, raw } from "@mikro-orm/core";
import type { EntityManager, Knex } from "@mikro-orm/postgresql";
import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, type ClassType, Extensions, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { decodeCursorItems, encodeCursorItems } from "./cursor.js";
import { badUserInput } from "./errors.js";
import { PlainReader, relatedKey } from "./plain-rows.js";
import { MAX_DATABASE_ID } from "./global-id.js";
import { groupBy, selectRows } from "./sql.js";

/** The most items one page may hold. */
export const MAX_PAGE_SIZE = 100;

/** Sort direction of an `orderBy` argument. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  valuesConfig: {
    ASC: { description: "Ascending: A to Z, oldest first." },
    DESC: { description: "Descending: Z to A, newest first." },
  },
});

/** `first`/`after` arguments shared by every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return, 0 to ${MAX_PAGE_SIZE}.` })
  @Min(0, { message: "first must not be negative" })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}; page with "after" to read more` })
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (`pageInfo.endCursor` of the previous page).",
  })
  @MaxLength(1000, { message: "after is not a cursor this API returned" })
  after?: string | null;
}

/** Relay page information. */
@ObjectType({ description: "Where a page stands within its connection." })
export class PageInfo {
  @Field({ description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede this page (true when `after` was given)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` for the next page.",
  })
  endCursor: string | null;
}

/**
 * Up to how many items a root list's `totalCount` is counted exactly. Above it the count is PostgreSQL's estimate
 * (`totalCountIsExact: false`): counting 30,000–480,000 rows of a national data set took 0.2–1.0 s a request, and
 * counting up to 10,000 still 0.2–0.7 s under load (each counted row an index lookup); up to 1,000 a few tens of
 * milliseconds (README "Speed of the lists at national scale"). Search counts up to 500 the same way.
 */
export const EXACT_COUNT_LIMIT = 1_000;

/** A count and whether it is exact (else an estimate above `EXACT_COUNT_LIMIT`). */
export interface Counted {
  count: number;
  exact: boolean;
}

/** One page of a connection, before it is shaped for GraphQL. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The exact count, or how to count: run only when a query asks for `totalCount` or `totalCountIsExact`. */
  totalCount: number | (() => Promise<Counted>);
}

/** The GraphQL shape of a connection page. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
  totalCountIsExact: boolean | Promise<boolean>;
}

/**
 * Builds the `<Name>Edge` object type and an abstract connection class for a node
 * type; a concrete `@ObjectType` subclass names and describes the connection.
 */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item; pass it as `after`." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType()
  abstract class Connection implements ConnectionShape<T> {
    // Holds the page `first` asks for: the cost rule's `pagedByParent` (list-bounds.ts).
    @Field(() => [Edge], { description: "The items with their cursors." })
    @Extensions({ pagedByParent: true })
    edges: Edge[];

    @Field(() => [nodeType], { description: "The items, without cursors." })
    @Extensions({ pagedByParent: true })
    nodes: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo: PageInfo;

    // Not `simple`: a count runs only when asked, so the value is a promise, which a resolver hands on.
    @Field(() => Int, {
      simple: false,
      description:
        `Number of items matching the filter, on all pages: exact up to ${EXACT_COUNT_LIMIT.toLocaleString("en")} ` +
        "items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below " +
        `${(EXACT_COUNT_LIMIT + 1).toLocaleString("en")}. Counted only when asked.`,
    })
    totalCount: number | Promise<number>;

    @Field(() => Boolean, {
      simple: false,
      description:
        `Whether \`totalCount\` is exact. False when more than ${EXACT_COUNT_LIMIT.toLocaleString("en")} items match ` +
        "a root list: the count is then an estimate (typically within a few percent, for a rare filter combination " +
        "further off); page through the list to count exactly.",
    })
    totalCountIsExact: boolean | Promise<boolean>;
  }
  return Connection;
}

/** Shapes a page for GraphQL; a count still to run runs when (and once if) `totalCount` is read. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const count = page.totalCount;
  let counted: Promise<Counted> | undefined;
  const counting = typeof count === "function" ? () => (counted ??= count()) : null;
  // Edges and cursors only when asked: a nested read's 100 pages of projects ask for neither (issue 18).
  return {
    get edges() {
      return page.items.map((node, index) => ({ node, cursor: page.cursors[index] }));
    },
    nodes: page.items,
    get pageInfo() {
      return {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      };
    },
    get totalCount() {
      return counting ? counting().then((result) => result.count) : (count as number);
    },
    get totalCountIsExact() {
      return counting ? counting().then((result) => result.exact) : true;
    },
  };
}

/** A stable sort: one non-null property, then the id as tie-breaker. */
export interface OrderSpec {
  property: string;
  kind: "string" | "number" | "date";
  direction: OrderDirection;
}

type Sortable = AnyEntity & { id: number };

function cursorValue(entity: Sortable, order: OrderSpec): string | number {
  const value = (entity as Record<string, unknown>)[order.property];
  return value instanceof Date ? value.toISOString() : (value as string | number);
}

/** Encodes an entity's position in a list sorted by `order` as an opaque cursor. */
export function encodeCursor(entity: Sortable, order: OrderSpec): string {
  return encodeCursorItems([
    entity.constructor.name,
    order.property,
    order.direction,
    cursorValue(entity, order),
    entity.id,
  ]);
}

// Timestamps the hub writes lie well inside this range; anything else was not issued by it.
const EARLIEST_CURSOR_DATE = Date.UTC(2000, 0, 1);
const LATEST_CURSOR_DATE = Date.UTC(9999, 11, 31);

/** Decodes and checks a cursor against the list (entity type), sort property and direction it must belong to. */
export function decodeCursor(
  cursor: string,
  list: string,
  order: OrderSpec,
): { value: string | number | Date; id: number } {
  const invalid = () =>
    badUserInput(
      '"after" is not a cursor of this list and order; pass pageInfo.endCursor of the previous page unchanged.',
      ["after"],
    );
  const parsed = decodeCursorItems(cursor);
  if (
    !parsed ||
    parsed.length !== 5 ||
    parsed[0] !== list ||
    parsed[1] !== order.property ||
    parsed[2] !== order.direction
  ) {
    throw invalid();
  }
  const [, , , value, id] = parsed;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > MAX_DATABASE_ID) throw invalid();
  // Number sort keys are integer columns: anything else would reach PostgreSQL as a malformed comparison.
  if (
    order.kind === "number" &&
    (typeof value !== "number" || !Number.isSafeInteger(value) || Math.abs(value) > MAX_DATABASE_ID)
  )
    throw invalid();
  if (order.kind === "string" && (typeof value !== "string" || value.length > 1000 || value.includes("\u0000")))
    throw invalid();
  if (order.kind === "date") {
    const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
    if (!(time >= EARLIEST_CURSOR_DATE && time <= LATEST_CURSOR_DATE)) throw invalid();
    return { value: new Date(time), id };
  }
  return { value: value as string | number, id };
}

function keysetCondition<T>(after: string | null | undefined, list: string, order: OrderSpec): FilterQuery<T> {
  if (!after) return {} as FilterQuery<T>;
  const { value, id } = decodeCursor(after, list, order);
  const op = order.direction === OrderDirection.ASC ? "$gt" : "$lt";
  return {
    $or: [{ [order.property]: { [op]: value } }, { [order.property]: value, id: { [op]: id } }],
  } as FilterQuery<T>;
}

function orderBy(order: OrderSpec) {
  const direction = order.direction === OrderDirection.ASC ? "asc" : "desc";
  return { [order.property]: direction, id: direction };
}

/** The page with `cursors` that are encoded when first read. */
function withLazyCursors<T extends Sortable>(page: Omit<Page<T>, "cursors">, order: OrderSpec): Page<T> {
  let cursors: string[] | undefined;
  return Object.defineProperty(page, "cursors", {
    get: () => (cursors ??= page.items.map((item) => encodeCursor(item, order))),
    enumerable: true,
  }) as Page<T>;
}

/** Reads one page of a root list with keyset pagination: two statements (rows, and the count when `totalCount` is read). */
export async function fetchPage<T extends Sortable>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  order: OrderSpec,
  args: ConnectionArgs,
): Promise<Page<T>> {
  const keyset = keysetCondition<T>(args.after, entity.name, order);
  // A list without conditions (a form's choices, the cities, the topics) reads plain rows; conditions on related
  // records (a topic, a provider) are left to the ORM's find, which turns them into subqueries.
  const rows = unconditional(where)
    ? await new PlainReader(em).find(entity, keyset, orderBy(order) as QueryOrderMap<T>, {}, args.first + 1)
    : await em.find(entity, { $and: [where, keyset] } as FilterQuery<T>, {
        orderBy: orderBy(order) as never,
        limit: args.first + 1,
      });
  const items = rows.slice(0, args.first);
  return {
    items,
    cursors: items.map((item) => encodeCursor(item, order)),
    hasNextPage: rows.length > args.first,
    hasPreviousPage: Boolean(args.after),
    // A list page that shows no total (a form's choices, a list of topics) does not pay for one.
    totalCount: () => countRows(em, entity, where),
  };
}

/**
 * How many rows of `entity` match `where` under the visibility filter: exactly up to `EXACT_COUNT_LIMIT` (one
 * statement counting over a LIMITed subquery), else the planner's estimate of the same query (a second statement,
 * `EXPLAIN`, which reads statistics, not rows). Unlike `em.count`, without the joins the ORM adds to null references
 * to hidden records (autoJoinRefsForFilters): a count reads no reference, and those left joins filter nothing but
 * made PostgreSQL join every row (1 s for 480,000 projects).
 *
 * The bounded count reads the rows in id order and without parallel workers (`serial_plan()`, migration
 * SerialCount): left free, the planner started two workers to find 1,001 lessons (100–150 ms of 110–170), or walked
 * 46,000 projects by id to join them to 1,001 lessons of a kind; in id order it takes the rows as they come and looks up
 * what the filter joins (issue 18).
 */
async function countRows<T extends Sortable>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
): Promise<Counted> {
  const matching = em.createQueryBuilder(entity, "e").select("e.id").where(where);
  // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
  await matching.applyFilters();
  const { sql, bindings } = matching.getKnexQuery().toSQL();
  const [{ count }] = await selectRows<{ count: number }>(
    em,
    `select count(*)::int as count from (${sql} order by "e"."id" limit ${EXACT_COUNT_LIMIT + 1}) as matching
      where serial_plan()`,
    bindings,
  );
  if (count <= EXACT_COUNT_LIMIT) return { count, exact: true };
  const [{ "QUERY PLAN": plan }] = await selectRows<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    em,
    `explain (format json) ${sql}`,
    bindings,
  );
  return { count: Math.max(Math.round(plan[0].Plan["Plan Rows"]), EXACT_COUNT_LIMIT + 1), exact: false };
}

/**
 * Reads one page per parent in two statements however many parents there are:
 * one loads the rows a window subquery picks for each parent's page, one counts
 * (left out when `withTotalCount` is false: the pages' `totalCount` is then 0, for callers
 * whose query does not ask for it). With `columns`, the first page without conditions reads only those (see
 * `PlainReader.findSelectedByKeys`). The rows are plain, untracked instances (plain-rows.ts): read them, never write them.
 */
export async function fetchPagesByParent<T extends Sortable>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  parentIds: readonly number[],
  where: FilterQuery<T>,
  order: OrderSpec,
  args: ConnectionArgs,
  withTotalCount = true,
  columns: readonly string[] | null = null,
): Promise<Map<number, Page<T>>> {
  const read: PagesRead<T> = { em, entity, parentProperty, where, order, args };
  const { parentColumn, direction, scoped } = parentScope(read, parentIds);
  const counts = withTotalCount ? await countByParentRows(em, entity, parentColumn, scoped) : [];
  const picked = (keys: readonly number[]) => pickedPerParent(read, keys);
  // The picked rows themselves in the same statement, in the window's order: each parent's rows come in its page's order.
  const orderBy = { [order.property]: direction, id: direction } as QueryOrderMap<T>;
  const reader = new PlainReader(em);
  // The first page without conditions (a city's projects in a nested read) is a statement compiled once.
  const rows =
    unconditional(where) && !args.after
      ? await reader.findSelectedByKeys(
          entity,
          `pages ${parentProperty} ${order.property} ${direction} ${args.first}`,
          parentIds,
          picked,
          orderBy,
          columns,
        )
      : await reader.findSelected(entity, (await picked(parentIds)).ids, orderBy);
  // By the key the row holds: reading the relation would make an ORM reference for each of thousands of rows.
  const byParent = groupBy(rows, (row) => relatedKey(row, parentProperty) as number);
  const countByParent = new Map(counts.map((row) => [row.parent_id, Number(row.count)]));
  const pages = new Map<number, Page<T>>();
  for (const parentId of parentIds) {
    const picks = byParent.get(parentId) ?? [];
    pages.set(
      parentId,
      withLazyCursors(
        {
          items: picks.slice(0, args.first),
          hasNextPage: picks.length > args.first,
          hasPreviousPage: Boolean(args.after),
          totalCount: countByParent.get(parentId) ?? 0,
        },
        order,
      ),
    );
  }
  return pages;
}

/**
 * The query of the ids of each parent's page (one more than `args.first`, to tell whether a next page exists).
 * Wrapped, because a knex query is thenable: awaiting it would run it.
 */
async function pickedPerParent<T extends Sortable>(
  read: PagesRead<T>,
  parentIds: readonly number[],
): Promise<{ ids: Knex.QueryBuilder }> {
  const { em, entity, order, args } = read;
  const { parentColumn, direction, scoped } = parentScope(read, parentIds);
  const ranked = em
    .createQueryBuilder(entity, "e")
    .select([
      "e.id",
      raw(`e.${parentColumn} as parent_id`),
      raw(
        `row_number() over (partition by e.${parentColumn} order by e.${columnOf(em, entity, order.property)} ${direction}, e.id ${direction}) as rn`,
      ),
    ])
    .where({ $and: [scoped, keysetCondition<T>(args.after, entity.name, order)] } as FilterQuery<T>);
  // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
  await ranked.applyFilters();
  const ids = em
    .getKnex()
    .select("id")
    .from(ranked.getKnexQuery().as("ranked"))
    .where("rn", "<=", args.first + 1);
  return { ids };
}

/** What `fetchPagesByParent` reads, but the parents. */
interface PagesRead<T extends Sortable> {
  em: EntityManager;
  entity: EntityClass<T>;
  parentProperty: keyof T & string;
  where: FilterQuery<T>;
  order: OrderSpec;
  args: ConnectionArgs;
}

/** The parent's column, the order's direction and `where` narrowed to the parents: what a page per parent reads by. */
function parentScope<T extends Sortable>(
  { em, entity, parentProperty, where, order }: PagesRead<T>,
  parentIds: readonly number[],
) {
  return {
    parentColumn: columnOf(em, entity, parentProperty),
    direction: order.direction === OrderDirection.ASC ? ("asc" as const) : ("desc" as const),
    scoped: { $and: [where, { [parentProperty]: { $in: [...parentIds] } }] } as FilterQuery<T>,
  };
}

/** The column of `property` of `entity`. */
function columnOf(em: EntityManager, entity: EntityClass<unknown>, property: string): string {
  const meta = em.getMetadata().get(entity.name);
  return meta.properties[property as keyof typeof meta.properties].fieldNames[0];
}

/** Whether a condition leaves every row in: `{}`, or an `$and` of none (a list's filter without conditions). */
function unconditional(where: object): boolean {
  return Object.entries(where).every(([key, value]) => key === "$and" && Array.isArray(value) && value.length === 0);
}

/** How many rows of `entity` match `scoped` per parent, under the visibility filter. */
async function countByParentRows<T extends Sortable>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentColumn: string,
  scoped: FilterQuery<T>,
): Promise<{ parent_id: number; count: string }[]> {
  const counting = em
    .createQueryBuilder(entity, "e")
    .select([raw(`e.${parentColumn} as parent_id`), raw("count(*) as count")])
    .where(scoped)
    .groupBy(raw(`e.${parentColumn}`) as never);
  await counting.applyFilters();
  return counting.execute("all", false);
}
