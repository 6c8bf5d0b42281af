import type { FilterQuery } from "@mikro-orm/core";
import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { given, requireExisting } from "../common/filters.js";
import { ConnectionType, fetchPage, OrderDirection, toConnection } from "../common/pagination.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { topicConditions } from "../topic/topic.service.js";
import { WorkingGroup } from "./working-group.entity.js";
import { WorkingGroupsArgs } from "./working-group.inputs.js";

/** A page of working groups. */
@ObjectType({ description: "A page of working groups." })
export class WorkingGroupConnection extends ConnectionType("WorkingGroup", WorkingGroup) {}

/** Reads inter-municipal working groups. */
@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, { description: "Inter-municipal (IKZ) working groups, sorted by name." })
  async workingGroups(@Args() args: WorkingGroupsArgs, @Ctx() { em }: HubContext): Promise<WorkingGroupConnection> {
    const conditions = await topicConditions(em, args.filter?.topics);
    if (given(args.filter?.municipalities)) {
      const slugs = args.filter.municipalities;
      await requireExisting(em, Municipality, "slug", slugs, "filter.municipalities", "Query `municipalities` for valid slugs.");
      conditions.push({ members: { $some: { slug: { $in: slugs } } } });
    }
    const order = { property: "name", kind: "string", direction: OrderDirection.ASC } as const;
    return toConnection(await fetchPage(em, WorkingGroup, { $and: conditions } as FilterQuery<WorkingGroup>, order, args));
  }

  @FieldResolver(() => [Municipality], { description: "Member municipalities that are in the hub." })
  members(@Root() group: WorkingGroup, @Ctx() { loaders }: HubContext): Promise<Municipality[]> {
    return loaders.related<WorkingGroup, Municipality>(WorkingGroup, "members", "name").load(group);
  }
}
