import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ProjectListArgs } from "../common/list-bounds.js";
import { Project } from "../project/project.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** Reads a field of action's strategy and projects. */
@Resolver(() => FieldOfAction)
export class FieldOfActionResolver {
  @FieldResolver(() => Strategy, { description: "Strategy the field belongs to." })
  async strategy(@Root() field: FieldOfAction, @Ctx() { loaders }: HubContext): Promise<Strategy> {
    return (await loaders.byId(Strategy).load(field.strategy.id))!;
  }

  @FieldResolver(() => [Project], { description: "Projects assigned to this field of action." })
  projects(@Root() field: FieldOfAction, @Args() { first }: ProjectListArgs, @Ctx() { loaders }: HubContext): Promise<Project[]> {
    return loaders.byParent(Project, "fieldOfAction", { title: "asc" }, first).load(field.id);
  }
}
