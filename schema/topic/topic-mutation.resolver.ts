import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByKeyArgs } from "../publishing/record-address.args.js";
import { CreateTopicInput, TopicInput } from "./topic-write.inputs.js";
import { Topic } from "./topic.entity.js";
import { createTopicRecord, updateTopicRecord } from "./topic.write.js";

/** Creates and changes topics (admins only). */
@Resolver(() => Topic)
export class TopicMutationResolver {
  @Mutation(() => Topic, { description: "Adds a topic that records can be tagged with (admins only)." })
  createTopic(
    @Arg("input", () => CreateTopicInput, { description: "The new record's fields." }) input: CreateTopicInput,
    @Ctx() ctx: HubContext,
  ): Promise<Topic> {
    return createTopicRecord(ctx, input);
  }

  @Mutation(() => Topic, { description: "Changes a topic's labels or description (admins only)." })
  updateTopic(
    @Args(() => ByKeyArgs) target: ByKeyArgs,
    @Arg("input", () => TopicInput, { description: "The fields to change; those left out keep their value." })
    input: TopicInput,
    @Ctx() ctx: HubContext,
  ): Promise<Topic> {
    return updateTopicRecord(ctx, target, input);
  }
}
