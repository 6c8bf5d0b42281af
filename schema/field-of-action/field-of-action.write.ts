import { ref } from "@mikro-orm/core";
import type { HubContext } from "../common/context.js";
import { MAX_FIELDS_OF_ACTION, requireRoomFor } from "../common/list-bounds.js";
import { applyTopicsAndSources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { nextPosition, resolveOwnStrategy } from "../strategy/strategy.service.js";
import type { CreateFieldOfActionInput, FieldOfActionInput } from "./field-of-action-write.inputs.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** How the write path handles fields of action. */
export const fieldOfActionKind: RecordKind<FieldOfAction> = {
  entity: FieldOfAction,
  label: "field of action",
  populate: ["strategy", "topics", "sources"],
  owner: (field) => field.strategy.unwrap().municipality.id,
  parentOf: (field) => field.strategy.unwrap(),
  publishProblems: (field) => (field.topics.count() ? [] : [["topics", "it has no topic"]]),
};

/** Adds a field of action to a strategy, as a draft. */
export function createFieldOfActionRecord(ctx: HubContext, input: CreateFieldOfActionInput): Promise<FieldOfAction> {
  return createRecord(ctx, fieldOfActionKind, async (tx, viewer) => {
    const strategy = await resolveOwnStrategy(tx, viewer, input.strategy, "input.strategy", "field of action");
    await requireRoomFor(
      tx,
      FieldOfAction,
      { strategy },
      MAX_FIELDS_OF_ACTION,
      "input.strategy",
      "The strategy",
      "fields of action",
    );
    const position = input.position ?? (await nextPosition(tx, FieldOfAction, strategy));
    await requireUnused(tx, FieldOfAction, { strategy, position }, "input.position", String(position));
    const field = new FieldOfAction(ref(strategy), position, input.title);
    assignFields(tx, field, input, ["description"]);
    await applyTopicsAndSources(tx, field, input);
    return field;
  });
}

/** Changes a field of action, if it still has the version you last saw (CONFLICT otherwise). */
export function updateFieldOfActionRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: FieldOfActionInput,
): Promise<FieldOfAction> {
  return updateRecord(ctx, fieldOfActionKind, target, version, async (tx, field) => {
    assignFields(tx, field, input, ["title", "description"]);
    await applyTopicsAndSources(tx, field, input);
  });
}
