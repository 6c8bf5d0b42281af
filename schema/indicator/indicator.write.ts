import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, findNamed, requireUnused } from "../publishing/references.js";
import { Strategy } from "../strategy/strategy.entity.js";
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
    const strategy =
      input.strategy === null
        ? null
        : await findNamed(
            tx,
            Strategy,
            "slug",
            input.strategy,
            "input.strategy",
            "Use the slug of one of the municipality's strategies.",
          );
    if (strategy && strategy.municipality.id !== indicator.municipality.id) {
      throw badUserInput(
        "input.strategy belongs to another municipality; an indicator can only measure its own municipality's strategy.",
        ["input.strategy"],
      );
    }
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
