import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { hasProblemAt, report } from "../common/problems.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, namedItem, requireUnused } from "../publishing/references.js";
import { findOwnStrategy } from "../strategy/own-strategy.js";
import type { CreateIndicatorInput, IndicatorInput, IndicatorValueInput } from "./indicator-write.inputs.js";
import { copyLatestValue, IndicatorValue } from "./indicator-value.entity.js";
import { Indicator } from "./indicator.entity.js";

/** How the write path handles indicators; their values are written (and recorded in revisions) with them. */
export const indicatorKind: RecordKind<Indicator> = {
  entity: Indicator,
  label: "indicator",
  populate: ["municipality", "strategy", "sources", "values", "values.sources"],
  owner: (indicator) => indicator.municipality.id,
  parentOf: (indicator) => indicator.strategy?.unwrap() ?? null,
  publishProblems: (indicator) =>
    citesPublishedSource(indicator) ? [] : [["sources", "it cites no published source"]],
};

/** The input path of a field of the `index`th value, e.g. `input.values[2].asOf`. */
const valueField = (index: number, field: string) => `input.values[${index}].${field}`;

/** The value each entry changes (null: a new one); reports a date or an `id` given twice. */
function matchValues(
  tx: EntityManager,
  indicator: Indicator,
  inputs: readonly IndicatorValueInput[],
): (IndicatorValue | null)[] {
  const dates = new Map<string, number>();
  const named = new Set<IndicatorValue>();
  return inputs.map((input, index) => {
    const earlier = dates.get(input.asOf);
    if (earlier !== undefined) {
      const field = valueField(index, "asOf");
      report(
        tx,
        badUserInput(
          `${field}: input.values[${earlier}] has the date ${input.asOf} too; an indicator has one value per date.`,
          [field],
        ),
      );
    } else dates.set(input.asOf, index);
    return namedItem(tx, indicator.values.getItems(), IndicatorValue, input.id, valueField(index, "id"), named);
  });
}

/** Replaces the indicator's values with the list (changing those named by `id`), then copies the latest onto it. */
async function applyValues(
  tx: EntityManager,
  indicator: Indicator,
  inputs: readonly IndicatorValueInput[],
): Promise<void> {
  const matched = matchValues(tx, indicator, inputs);
  const values: IndicatorValue[] = [];
  for (const [index, input] of inputs.entries()) {
    const value = matched[index] ?? new IndicatorValue(ref(indicator), input.value, input.asOf);
    value.value = input.value;
    value.asOf = input.asOf;
    if (input.note !== undefined) value.note = input.note;
    await applySources(tx, value, input, valueField(index, "sources"));
    values.push(value);
  }
  indicator.values.set(values);
  copyLatestValue(indicator);
}

async function applyIndicator(tx: EntityManager, indicator: Indicator, input: IndicatorInput): Promise<void> {
  assignFields(tx, indicator, input, ["name", "unit", "betterWhen", "definition", "note"]);
  if (input.values === null) {
    report(
      tx,
      badUserInput("input.values cannot be empty: an indicator has at least one value; leave it out to keep them.", [
        "input.values",
      ]),
    );
  } else if (input.values !== undefined && !hasProblemAt(tx, "input.values"))
    await applyValues(tx, indicator, input.values);
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

/** Creates an indicator of a municipality with its values, as a draft. */
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
    const indicator = new Indicator(ref(municipality), input.key, input.name, input.unit);
    await applyIndicator(tx, indicator, input);
    return indicator;
  });
}

/** Changes an indicator and its values, if it still has the version you last saw (CONFLICT otherwise). */
export function updateIndicatorRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: IndicatorInput,
): Promise<Indicator> {
  return updateRecord(ctx, indicatorKind, target, version, (tx, indicator) => applyIndicator(tx, indicator, input));
}
