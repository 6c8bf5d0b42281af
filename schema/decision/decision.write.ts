import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import type { CreateDecisionInput, DecisionInput } from "./decision-write.inputs.js";
import { Decision } from "./decision.entity.js";

/** How the write path handles council decisions: named by ID, or by key within their municipality. */
export const decisionKind: RecordKind<Decision> = {
  entity: Decision,
  label: "decision",
  naturalKey: "key",
  keyScope: "municipality",
  populate: ["municipality", "sources"],
  owner: (decision) => decision.municipality.id,
  publishProblems: (decision) => (citesPublishedSource(decision) ? [] : [["sources", "it cites no published source"]]),
};

async function applyDecision(tx: EntityManager, decision: Decision, input: DecisionInput): Promise<void> {
  assignFields(tx, decision, input, ["title", "body", "reference", "date", "outcome", "description", "note"]);
  await applySources(tx, decision, input);
}

/** Records a council decision of a municipality, as a draft. */
export function createDecisionRecord(ctx: HubContext, input: CreateDecisionInput): Promise<Decision> {
  return createRecord(ctx, decisionKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "decision");
    // Unique within the municipality only: the count says nothing about other cities' records.
    await requireUnused(tx, Decision, { municipality, key: input.key }, "input.key", input.key);
    const decision = new Decision(ref(municipality), input.key, input.title, input.body, input.outcome);
    await applyDecision(tx, decision, input);
    return decision;
  });
}

/** Changes a council decision, if it still has the version you last saw (CONFLICT otherwise). */
export function updateDecisionRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: DecisionInput,
): Promise<Decision> {
  return updateRecord(ctx, decisionKind, target, version, (tx, decision) => applyDecision(tx, decision, input));
}
