import { ref } from "@mikro-orm/core";
import type { HubContext } from "../common/context.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import {
  createRecord,
  requireOwnNaming,
  resolveOwnMunicipality,
  updateRecord,
} from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { TokenRole } from "../token/token-role.enum.js";
import type { CreateSourceInput, SourceInput } from "./source-write.inputs.js";
import { Source } from "./source.entity.js";

const SOURCE_FIELDS = ["title", "publisher", "author", "publishedOn", "url", "note"] as const;

/** How the write path handles sources. */
export const sourceKind: RecordKind<Source> = {
  entity: Source,
  label: "source",
  naturalKey: "key",
  populate: ["municipality"],
  owner: (source) => source.municipality?.id ?? null,
};

/** Creates a source that records can cite, as a draft. */
export function createSourceRecord(ctx: HubContext, input: CreateSourceInput): Promise<Source> {
  return createRecord(ctx, sourceKind, async (tx, viewer) => {
    let municipality: Municipality | null = null;
    if (input.municipality)
      municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "source");
    else if (viewer.role === TokenRole.EDITOR)
      municipality = await tx.findOneOrFail<Municipality>("Municipality", { id: viewer.municipalityId! });
    await requireOwnNaming(tx, viewer, municipality, input.key, "input.key");
    await requireUnused(tx, Source, { key: input.key }, "input.key", input.key);
    const source = new Source(input.key, input.title);
    source.municipality = municipality ? ref(municipality) : null;
    assignFields(tx, source, input, SOURCE_FIELDS);
    return source;
  });
}

/** Changes a source, if it still has the version you last saw (CONFLICT otherwise). */
export function updateSourceRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: SourceInput,
): Promise<Source> {
  return updateRecord(ctx, sourceKind, target, version, async (tx, source) =>
    assignFields(tx, source, input, SOURCE_FIELDS),
  );
}
