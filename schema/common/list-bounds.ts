import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Max, Min } from "class-validator";
import { ArgsType, Extensions, Field, Int } from "type-graphql";
import { badUserInput } from "./errors.js";
import { MAX_PAGE_SIZE } from "./pagination.js";

/**
 * Bounds of the plain lists of the API. Each plain list field declares how long it
 * can be, so that the query cost (server/graphql/cost.rule.ts) prices it by a real
 * bound: either a `first` argument (`ListArgs`), or `MaxItems(n)` where the write
 * path refuses more (and the hub cuts anything longer).
 */

/** Most sources one record cites. */
export const MAX_SOURCES = 10;
/** Most topics one record is tagged with. */
export const MAX_TOPICS = 8;
/** Most providers, or products, one project names. */
export const MAX_PROJECT_PROVIDERS = 10;
/** Most partner municipalities one project names. */
export const MAX_PROJECT_PARTNERS = 20;
/** Most consultants one strategy names. */
export const MAX_CONSULTANTS = 10;
/** Most council decisions one strategy names. */
export const MAX_STRATEGY_DECISIONS = 20;
/** Most strategies one municipality has (archived ones included). */
export const MAX_STRATEGIES = 5;
/** Most fields of action one strategy has. */
export const MAX_FIELDS_OF_ACTION = 12;
/** Most topics the shared taxonomy holds. */
export const MAX_TAXONOMY_TOPICS = 50;
/** Most changed fields one revision lists: no record type has more fields. */
export const MAX_REVISION_CHANGES = 40;
/** Most cost items one project lists. */
export const MAX_COST_ITEMS = 50;
/** Most dated values one indicator has. */
export const MAX_INDICATOR_VALUES = 50;
/** Distinct years a budget can name (1900 to 2200, see `IsYear`). */
export const MAX_BUDGET_YEARS = 301;

/** What the cost rule reads from a field's `extensions`. */
export interface ListBoundExtensions {
  /** Most items the list holds; the hub cuts a longer one. */
  maxItems?: number;
  /** The list holds as many items as its parent field's `first` asks for (a connection's `nodes` and `edges`). */
  pagedByParent?: boolean;
  /** The list holds as many items as the nearest enclosing field's list argument of this name has (at most `maxItems`). */
  sizedByArgument?: string;
  /** What computing the field costs beyond the objects it returns (aggregate statements, facets), in cost units. */
  work?: number;
}

/** Declares a plain list's most items: the write path refuses more, and the hub cuts a longer list. */
export function MaxItems(maxItems: number, sizedByArgument?: string): MethodDecorator & PropertyDecorator {
  return Extensions(sizedByArgument ? { maxItems, sizedByArgument } : { maxItems }) as MethodDecorator &
    PropertyDecorator;
}

/** Declares a list that holds its parent field's page (`first` items). */
export function PagedByParent(): MethodDecorator & PropertyDecorator {
  return Extensions({ pagedByParent: true }) as MethodDecorator & PropertyDecorator;
}

/** Declares what computing a field costs beyond the objects it returns. */
export function Work(units: number, extra: ListBoundExtensions = {}): MethodDecorator & PropertyDecorator {
  return Extensions({ ...extra, work: units }) as MethodDecorator & PropertyDecorator;
}

/** Cost of one aggregate statement over the published records (a `stats` field, a facet): it reads every matching row. */
export const AGGREGATE_WORK = 500;

/**
 * Cost, per parent record, of an aggregate that one statement computes for all parent
 * records of a request (a topic's city counts, a provider's clients). Each record reads
 * only its own rows, and a row is tagged with at most `MAX_TOPICS` topics, so asking for
 * all `MAX_TAXONOMY_TOPICS` topics costs what `MAX_TOPICS` whole-table aggregates cost.
 */
export const PER_RECORD_AGGREGATE_WORK = (AGGREGATE_WORK * MAX_TOPICS) / MAX_TAXONOMY_TOPICS;

/**
 * An `ArgsType` with a bounded `first` (0 to ${MAX_PAGE_SIZE}) and the given default;
 * `items` names what is counted and `order` whose order "the first" follows.
 */
function boundedFirstArgs(defaultValue: number, items: string, order: string) {
  @ArgsType()
  class BoundedFirstArgs {
    @Field(() => Int, {
      defaultValue,
      description: `How many ${items} to return (the first in ${order}), 0 to ${MAX_PAGE_SIZE}; ${defaultValue} when left out.`,
    })
    @Min(0, { message: "first must not be negative" })
    @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
    first: number = defaultValue;
  }
  return BoundedFirstArgs;
}

/**
 * `first` of a plain list that is unbounded by nature (a city's lessons, a topic's
 * municipalities, a strategy's budget, …): all items up to ${MAX_PAGE_SIZE} unless asked,
 * so that a list without paging is complete up to its bound, not cut at a small default.
 */
@ArgsType()
export class ListArgs extends boundedFirstArgs(MAX_PAGE_SIZE, "items", "the list's order") {}

/** Furthest a plain list can be paged with `offset`: a city's or strategy's lists stay far below it. */
export const MAX_LIST_OFFSET = 100_000;

/**
 * `first` and `offset` of a plain list that can grow past ${MAX_PAGE_SIZE} items (a city's decisions, engagements and
 * indicators, a strategy's budget): page by asking again with `offset` raised by `first`, in the list's stable order
 * (ties broken by id).
 */
@ArgsType()
export class PagedListArgs extends ListArgs {
  @Field(() => Int, {
    defaultValue: 0,
    description: `How many items (in the list's order) to skip before the first returned, 0 to ${MAX_LIST_OFFSET}; page by raising it by \`first\` until fewer than \`first\` items come back.`,
  })
  @Min(0, { message: "offset must not be negative" })
  @Max(MAX_LIST_OFFSET, { message: `offset must be at most ${MAX_LIST_OFFSET}` })
  offset: number = 0;
}

/** `first` of a plain list of projects (a strategy's, a field of action's): 20 unless asked, like a page of `projects`. */
@ArgsType()
export class ProjectListArgs extends boundedFirstArgs(20, "projects", "the list's order") {}

/** `first` of an aggregate's rows (a `stats` figure): all of them up to ${MAX_PAGE_SIZE} unless asked, so that figures are not cut by default. */
@ArgsType()
export class AggregateListArgs extends boundedFirstArgs(MAX_PAGE_SIZE, "rows", "the figure's order") {}

/**
 * Refuses a new record when its parent already holds `max` of them (drafts and
 * archived ones included), so that a list declared with `MaxItems` stays within it.
 */
export async function requireRoomFor<T extends object>(
  tx: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  max: number,
  field: string,
  owner: string,
  items: string,
): Promise<void> {
  // Every row counts, whoever may see it: the list's bound holds for editors too.
  const count = await tx.count(entity, where, { filters: false });
  if (count >= max)
    throw badUserInput(
      `${owner} already has ${count} ${items}, the most it may have; change an existing one instead.`,
      [field],
    );
}
