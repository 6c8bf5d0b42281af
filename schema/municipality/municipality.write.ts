import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { applySources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import type { CreateMunicipalityInput, MunicipalityInput } from "./municipality-write.inputs.js";
import { Municipality } from "./municipality.entity.js";
import { officialKeyProblem } from "./official-key.js";
import { applyPopulation } from "./population.js";

/** How the write path handles municipalities. */
export const municipalityKind: RecordKind<Municipality> = {
  entity: Municipality,
  label: "municipality",
  naturalKey: "slug",
  populate: ["sources", "populationSource"],
  // Its editors read its revisions; writing it is for admins.
  owner: (municipality) => municipality.id ?? null,
  adminOnly: true,
};

async function applyMunicipality(
  tx: EntityManager,
  municipality: Municipality,
  input: MunicipalityInput,
): Promise<void> {
  assignFields(tx, municipality, input, [
    "name",
    "officialKey",
    "state",
    "governmentRegion",
    "district",
    "website",
    "note",
  ]);
  const problem = officialKeyProblem(municipality.officialKey, municipality.state);
  if (problem) throw badUserInput(`input.officialKey: ${problem}.`, ["input.officialKey"]);
  await applyPopulation(tx, municipality, input);
  await applySources(tx, municipality, input);
}

/** Adds a municipality to the hub (admins only). */
export function createMunicipalityRecord(ctx: HubContext, input: CreateMunicipalityInput): Promise<Municipality> {
  return createRecord(ctx, municipalityKind, async (tx) => {
    await requireUnused(tx, Municipality, { slug: input.slug }, "input.slug", input.slug);
    await requireUnused(tx, Municipality, { officialKey: input.officialKey }, "input.officialKey", input.officialKey);
    const municipality = new Municipality(input.slug, input.name, input.officialKey, input.state);
    await applyMunicipality(tx, municipality, input);
    return municipality;
  });
}

/** Changes a municipality (admins only). */
export function updateMunicipalityRecord(
  ctx: HubContext,
  target: RecordAddress,
  input: MunicipalityInput,
): Promise<Municipality> {
  return updateRecord(ctx, municipalityKind, target, null, async (tx, municipality) => {
    if (input.officialKey && input.officialKey !== municipality.officialKey) {
      await requireUnused(tx, Municipality, { officialKey: input.officialKey }, "input.officialKey", input.officialKey);
    }
    await applyMunicipality(tx, municipality, input);
  });
}
