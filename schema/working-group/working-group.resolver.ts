import type { FilterQuery } from "@mikro-orm/core";
import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { given, MAX_FILTER_VALUES, requireExisting } from "../common/filters.js";
import { ConnectionArgs, ConnectionType, fetchPage, OrderDirection, toConnection } from "../common/pagination.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { topicConditions } from "../topic/topic.service.js";
import { WorkingGroup } from "./working-group.entity.js";

/** A page of working groups. */
@ObjectType({ description: "A page of working groups." })
export class WorkingGroupConnection extends ConnectionType("WorkingGroup", WorkingGroup) {}

/** Narrows a list of working groups. */
@InputType({ description: "Narrows a list of working groups." })
export class WorkingGroupFilter {
  @Field(() => [String], { nullable: true, description: "Slugs of member municipalities." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(120, { each: true })
  municipalities?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Topic keys." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(120, { each: true })
  topics?: string[] | null;
}

/** Arguments of the working group connection. */
@ArgsType()
export class WorkingGroupsArgs extends ConnectionArgs {
  @Field(() => WorkingGroupFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: WorkingGroupFilter | null;
}

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
