import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { ConnectionType, fetchPage, OrderDirection, toConnection } from "../common/pagination.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { WorkingGroup } from "./working-group.entity.js";
import { WorkingGroupsArgs } from "./working-group.inputs.js";
import { workingGroupWhere } from "./working-group.service.js";

/** A page of working groups. */
@ObjectType({ description: "A page of working groups." })
export class WorkingGroupConnection extends ConnectionType("WorkingGroup", WorkingGroup) {}

/** Reads inter-municipal working groups. */
@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, { description: "Inter-municipal (IKZ) working groups, sorted by name." })
  async workingGroups(@Args() args: WorkingGroupsArgs, @Ctx() { em }: HubContext): Promise<WorkingGroupConnection> {
    const order = { property: "name", kind: "string", direction: OrderDirection.ASC } as const;
    return toConnection(await fetchPage(em, WorkingGroup, await workingGroupWhere(em, args.filter), order, args));
  }

  @FieldResolver(() => [Municipality], { description: "Member municipalities that are in the hub." })
  async members(
    @Root() group: WorkingGroup,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Municipality[]> {
    return (await loaders.related<WorkingGroup, Municipality>(WorkingGroup, "members", "name").load(group)).slice(
      0,
      first,
    );
  }
}
