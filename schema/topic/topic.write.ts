import type { HubContext } from "../common/context.js";
import { MAX_TAXONOMY_TOPICS, requireRoomFor } from "../common/list-bounds.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import type { CreateTopicInput, TopicInput } from "./topic-write.inputs.js";
import { Topic } from "./topic.entity.js";

const TOPIC_FIELDS = ["labelDe", "labelEn", "description"] as const;

/** How the write path handles topics. */
export const topicKind: RecordKind<Topic> = {
  entity: Topic,
  label: "topic",
  naturalKey: "key",
  populate: [],
  owner: () => null,
  adminOnly: true,
};

/** Adds a topic that records can be tagged with (admins only). */
export function createTopicRecord(ctx: HubContext, input: CreateTopicInput): Promise<Topic> {
  return createRecord(ctx, topicKind, async (tx) => {
    await requireUnused(tx, Topic, { key: input.key }, "input.key", input.key);
    await requireRoomFor(tx, Topic, {}, MAX_TAXONOMY_TOPICS, "input.key", "The taxonomy", "topics");
    return new Topic(input.key, input.labelDe, input.labelEn, input.description);
  });
}

/** Changes a topic's labels or description (admins only). */
export function updateTopicRecord(ctx: HubContext, target: RecordAddress, input: TopicInput): Promise<Topic> {
  return updateRecord(ctx, topicKind, target, null, async (tx, topic) => assignFields(tx, topic, input, TOPIC_FIELDS));
}
