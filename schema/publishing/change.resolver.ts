import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ArrayMaxSize, MaxDate, MinDate } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import type { HubContext } from "../common/context.js";
import { existingIds, given, MAX_FILTER_VALUES } from "../common/filters.js";
import { toGlobalId } from "../common/global-id.js";
import { HubEntity } from "../common/node.js";
import { ConnectionArgs, ConnectionType, fetchPage, OrderDirection, toConnection } from "../common/pagination.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import type { Topic } from "../topic/topic.entity.js";
import { Change } from "./change.types.js";
import { Revision } from "./revision.entity.js";

/** Arguments of the change feed. */
@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => DateTimeScalar, {
    description:
      "Changes committed after this moment, e.g. the `at` of the last change you processed, or `2000-01-01T00:00:00Z` for all.",
  })
  @MinDate(new Date(Date.UTC(2000, 0, 1)), { message: "since must be 2000-01-01 or later" })
  @MaxDate(new Date(Date.UTC(9999, 11, 31)), { message: "since must be a date before the year 10000" })
  since: Date;

  @Field({
    defaultValue: false,
    description:
      "List the latest changes first (for a page of news or an Atom feed); by default the oldest come first, as a portal that syncs needs them. A cursor belongs to one order.",
  })
  newestFirst: boolean = false;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only changes to these municipalities' records (by slug), including the municipalities themselves; unknown slugs are an error.",
  })
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `municipalities takes at most ${MAX_FILTER_VALUES} slugs` })
  municipalities?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only changes to records tagged with one of these topics (by key) as the caller sees them now: projects, lessons, fields of action and other tagged records. A record the caller cannot read now matches no topic, so its UNPUBLISHED or ARCHIVED entry shows only without this filter; unknown keys are an error.",
  })
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `topics takes at most ${MAX_FILTER_VALUES} keys` })
  topics?: string[] | null;
}

/** A page of the change feed. */
@ObjectType({ description: "A page of changes, oldest first unless `newestFirst` was asked for." })
export class ChangeConnection extends ConnectionType("Change", Change) {}

const OLDEST_FIRST = { property: "id", kind: "number", direction: OrderDirection.ASC } as const;
const NEWEST_FIRST = { property: "id", kind: "number", direction: OrderDirection.DESC } as const;

// Municipalities and topics are named by string: their features write through this folder, so class references
// here would be import cycles.

/** The condition for changes to the named municipalities' records; checks that each slug names one. */
async function municipalityCondition(em: EntityManager, slugs: readonly string[]): Promise<FilterQuery<Revision>> {
  const hint = "Query `municipalities` for valid slugs.";
  const ids = await existingIds<Municipality>(em, "Municipality", "slug", slugs, "municipalities", hint);
  return { $or: [{ municipality: { $in: ids } }, { recordType: "Municipality", recordId: { $in: ids } }] };
}

/**
 * The condition for changes to records tagged with the named topics: per tagged
 * record type, a sub-select of the ids the caller may read (the visibility filter
 * applies), so a draft's tags never decide what the feed shows.
 */
async function topicCondition(
  em: EntityManager,
  keys: readonly string[],
  types: Readonly<Record<string, EntityClass<HubEntity>>>,
): Promise<FilterQuery<Revision>> {
  const topicIds = await existingIds<Topic>(em, "Topic", "key", keys, "topics", "Query `topics` for valid keys.");
  const tagged: FilterQuery<Revision>[] = [];
  for (const [type, entity] of Object.entries(types)) {
    if (em.getMetadata().get(entity.name).properties.topics?.type !== "Topic") continue;
    const ids = em
      .createQueryBuilder(entity, "t")
      .select("t.id")
      .where({ topics: { $in: topicIds } } as never);
    await ids.applyFilters();
    tagged.push({ recordType: type, recordId: { $in: ids.getKnexQuery() } } as unknown as FilterQuery<Revision>);
  }
  return { $or: tagged };
}

/** Serves the change feed: what became public, changed or left the public view, in commit order. */
export function changeResolver(types: Readonly<Record<string, EntityClass<HubEntity>>>) {
  @Resolver(() => Change)
  class ChangeResolver {
    @Query(() => ChangeConnection, {
      description:
        "Public records created (or published), updated, unpublished and archived since a moment, in commit order: sync a portal by paging with `after` and remembering the last cursor, as OParl's `modified_since` allows. Children follow their parent: when a strategy leaves the public view, so do its fields of action and budget lines. `newestFirst` lists the latest first, `municipalities` and `topics` narrow the feed.",
    })
    async changes(@Args() args: ChangesArgs, @Ctx() { em }: HubContext): Promise<ChangeConnection> {
      const conditions: FilterQuery<Revision>[] = [{ publicChange: { $ne: null }, at: { $gt: args.since } }];
      if (given(args.municipalities)) conditions.push(await municipalityCondition(em, args.municipalities!));
      if (given(args.topics)) conditions.push(await topicCondition(em, args.topics!, types));
      const order = args.newestFirst ? NEWEST_FIRST : OLDEST_FIRST;
      const page = await fetchPage(
        em,
        Revision,
        conditions.length === 1 ? conditions[0] : { $and: conditions },
        order,
        args,
      );
      const changes = page.items.map((revision) =>
        Object.assign(new Change(), {
          kind: revision.publicChange!,
          at: revision.at,
          type: revision.recordType,
          id: toGlobalId(revision.recordType, revision.recordId),
          recordId: revision.recordId,
        }),
      );
      return toConnection({ ...page, items: changes });
    }

    @FieldResolver(() => HubEntity, {
      nullable: true,
      description: "The record as the caller may see it now; null when it is not public (any more).",
    })
    node(@Root() change: Change, @Ctx() { loaders }: HubContext) {
      const entity = Object.hasOwn(types, change.type) ? types[change.type] : undefined;
      return entity ? loaders.byId(entity).load(change.recordId) : null;
    }
  }
  return ChangeResolver;
}
