import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { findOwnStrategy } from "../strategy/own-strategy.js";
import type { CreateIndicatorInput, IndicatorInput } from "./indicator-write.inputs.js";
import { Indicator } from "./indicator.entity.js";

/** How the write path handles indicators. */
export const indicatorKind: RecordKind<Indicator> = {
  entity: Indicator,
  label: "indicator",
  populate: ["municipality", "strategy", "sources"],
  owner: (indicator) => indicator.municipality.id,
  parentOf: (indicator) => indicator.strategy?.unwrap() ?? null,
  publishProblems: (indicator) =>
    citesPublishedSource(indicator) ? [] : [["sources", "it cites no published source"]],
};

async function applyIndicator(tx: EntityManager, indicator: Indicator, input: IndicatorInput): Promise<void> {
  assignFields(tx, indicator, input, ["name", "value", "unit", "asOf", "note"]);
  if (input.strategy !== undefined) {
    const strategy = await findOwnStrategy(
      tx,
      input.strategy,
      indicator.municipality.id,
      "an indicator can only measure its own municipality's strategy",
    );
    indicator.strategy = strategy ? ref(strategy) : null;
  }
  await applySources(tx, indicator, input);
}

/** Creates an indicator of a municipality, as a draft. */
export function createIndicatorRecord(ctx: HubContext, input: CreateIndicatorInput): Promise<Indicator> {
  return createRecord(ctx, indicatorKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(
      tx,
      viewer,
      input.municipality,
      "input.municipality",
      "indicator",
    );
    await requireUnused(tx, Indicator, { municipality, key: input.key }, "input.key", input.key);
    const indicator = new Indicator(ref(municipality), input.key, input.name, input.value, input.unit);
    await applyIndicator(tx, indicator, input);
    return indicator;
  });
}

/** Changes an indicator, if it still has the version you last saw (CONFLICT otherwise). */
export function updateIndicatorRecord(
  ctx: HubContext,
  id: string,
  version: number,
  input: IndicatorInput,
): Promise<Indicator> {
  return updateRecord(ctx, indicatorKind, id, version, (tx, indicator) => applyIndicator(tx, indicator, input));
}
