import { Args, Ctx, ObjectType, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { KeyArgs } from "../common/slug.args.js";
import { Topic } from "./topic.entity.js";
import { TopicsArgs } from "./topic.inputs.js";

/** A page of topics. */
@ObjectType({ description: "A page of topics." })
export class TopicConnection extends ConnectionType("Topic", Topic) {}

/** Reads the topic taxonomy. */
@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => TopicConnection, { description: "The shared topic taxonomy, sorted by key." })
  async topics(@Args() args: TopicsArgs, @Ctx() { em }: HubContext): Promise<TopicConnection> {
    return toConnection(
      await fetchPage(em, Topic, {}, { property: "key", kind: "string", direction: args.direction }, args),
    );
  }

  @Query(() => Topic, { nullable: true, description: "The topic with this key (e.g. `e-file`), or null." })
  topic(@Args() { key }: KeyArgs, @Ctx() { loaders }: HubContext): Promise<Topic | null> {
    return loaders.plain.findOne(Topic, "key", key);
  }
}
