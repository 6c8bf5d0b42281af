import { ref } from "@mikro-orm/core";
import type { HubContext } from "../common/context.js";
import { Provider } from "../provider/provider.entity.js";
import { problemsError, takeProblems } from "../common/problems.js";
import { applySources, citesPublishedSource, reportSources } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, lookUpNamed, requireUnused } from "../publishing/references.js";
import type { CreateEngagementInput, EngagementInput } from "./engagement-write.inputs.js";
import { Engagement } from "./engagement.entity.js";

/** How the write path handles engagements. */
export const engagementKind: RecordKind<Engagement> = {
  entity: Engagement,
  label: "engagement",
  populate: ["municipality", "provider", "sources"],
  owner: (engagement) => engagement.municipality.id,
  publishProblems: (engagement) =>
    citesPublishedSource(engagement) ? [] : [["sources", "it cites no published source"]],
};

/** Records that a provider works for a municipality in a role, as a draft. */
export function createEngagementRecord(ctx: HubContext, input: CreateEngagementInput): Promise<Engagement> {
  return createRecord(ctx, engagementKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(
      tx,
      viewer,
      input.municipality,
      "input.municipality",
      "engagement",
    );
    const provider = await lookUpNamed(
      tx,
      Provider,
      "slug",
      input.provider,
      "input.provider",
      "Query `providers` for valid slugs; admins add new providers.",
    );
    if (!provider) {
      // No engagement without its provider; its sources are still checked, to answer every problem at once.
      await reportSources(tx, input);
      throw problemsError(takeProblems(tx));
    }
    await requireUnused(tx, Engagement, { municipality, provider, role: input.role }, "input.role", input.role);
    const engagement = new Engagement(ref(municipality), ref(provider), input.role, input.description);
    assignFields(tx, engagement, input, ["since", "note"]);
    await applySources(tx, engagement, input);
    return engagement;
  });
}

/** Changes an engagement, if it still has the version you last saw (CONFLICT otherwise). */
export function updateEngagementRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: EngagementInput,
): Promise<Engagement> {
  return updateRecord(ctx, engagementKind, target, version, async (tx, engagement) => {
    assignFields(tx, engagement, input, ["since", "description", "note"]);
    await applySources(tx, engagement, input);
  });
}
