import type { EntityClass } from "@mikro-orm/core";
import { MaxDate, MinDate } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import type { HubContext } from "../common/context.js";
import { toGlobalId } from "../common/global-id.js";
import { HubEntity } from "../common/node.js";
import { ConnectionArgs, ConnectionType, fetchPage, OrderDirection, toConnection } from "../common/pagination.js";
import { Change } from "./change.types.js";
import { Revision } from "./revision.entity.js";

/** Arguments of the change feed. */
@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => DateTimeScalar, { description: "Changes committed after this moment, e.g. the `at` of the last change you processed, or `2000-01-01T00:00:00Z` for all." })
  @MinDate(new Date(Date.UTC(2000, 0, 1)), { message: "since must be 2000-01-01 or later" })
  @MaxDate(new Date(Date.UTC(9999, 11, 31)), { message: "since must be a date before the year 10000" })
  since: Date;
}

/** A page of the change feed. */
@ObjectType({ description: "A page of changes, oldest first." })
export class ChangeConnection extends ConnectionType("Change", Change) {}

const FEED_ORDER = { property: "id", kind: "number", direction: OrderDirection.ASC } as const;

/** Serves the change feed: what became public, changed or left the public view, in commit order. */
export function changeResolver(types: Readonly<Record<string, EntityClass<HubEntity>>>) {
  @Resolver(() => Change)
  class ChangeResolver {
    @Query(() => ChangeConnection, {
      description:
        "Public records created (or published), updated, unpublished and archived since a moment, in commit order: sync a portal by paging with `after` and remembering the last cursor, as OParl's `modified_since` allows. Children follow their parent: when a strategy leaves the public view, so do its fields of action and budget lines.",
    })
    async changes(@Args() args: ChangesArgs, @Ctx() { em }: HubContext): Promise<ChangeConnection> {
      const page = await fetchPage(em, Revision, { publicChange: { $ne: null }, at: { $gt: args.since } }, FEED_ORDER, args);
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

    @FieldResolver(() => HubEntity, { nullable: true, description: "The record as the caller may see it now; null when it is not public (any more)." })
    node(@Root() change: Change, @Ctx() { loaders }: HubContext) {
      const entity = Object.hasOwn(types, change.type) ? types[change.type] : undefined;
      return entity ? loaders.byId(entity).load(change.recordId) : null;
    }
  }
  return ChangeResolver;
}
