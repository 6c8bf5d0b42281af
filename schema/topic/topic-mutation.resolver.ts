import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { CreateTopicInput, TopicInput } from "./topic-write.inputs.js";
import { Topic } from "./topic.entity.js";

const TOPIC_FIELDS = ["labelDe", "labelEn", "description"] as const;

/** How the write path handles topics. */
export const topicKind: RecordKind<Topic> = { entity: Topic, label: "topic", populate: [], owner: () => null, adminOnly: true };

/** Creates and changes topics (admins only). */
@Resolver(() => Topic)
export class TopicMutationResolver {
  @Mutation(() => Topic, { description: "Adds a topic that records can be tagged with (admins only)." })
  createTopic(@Arg("input", () => CreateTopicInput, { description: "The new record's fields." }) input: CreateTopicInput, @Ctx() ctx: HubContext): Promise<Topic> {
    return createRecord(ctx, topicKind, async (tx) => {
      await requireUnused(tx, Topic, { key: input.key }, "input.key", input.key);
      return new Topic(input.key, input.labelDe, input.labelEn, input.description);
    });
  }

  @Mutation(() => Topic, { description: "Changes a topic's labels or description (admins only)." })
  updateTopic(
    @Arg("id", () => ID, { description: "ID of the topic." }) id: string,
    @Arg("input", () => TopicInput, { description: "The fields to change; those left out keep their value." }) input: TopicInput,
    @Ctx() ctx: HubContext,
  ): Promise<Topic> {
    return updateRecord(ctx, topicKind, id, null, async (tx, topic) => assignFields(tx, topic, input, TOPIC_FIELDS));
  }
}
