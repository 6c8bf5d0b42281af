import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, resolveOwnMunicipality, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, findNamed, requireUnused } from "../publishing/references.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { CreateIndicatorInput, IndicatorInput } from "./indicator-write.inputs.js";
import { Indicator } from "./indicator.entity.js";

/** How the write path handles indicators. */
export const indicatorKind: RecordKind<Indicator> = {
  entity: Indicator,
  label: "indicator",
  populate: ["municipality", "strategy", "sources"],
  owner: (indicator) => indicator.municipality.id,
  parentOf: (indicator) => indicator.strategy?.unwrap() ?? null,
  publishProblems: (indicator) => (citesPublishedSource(indicator) ? [] : [["sources", "it cites no published source"]]),
};

async function applyIndicator(tx: EntityManager, indicator: Indicator, input: IndicatorInput): Promise<void> {
  assignFields(tx, indicator, input, ["name", "value", "unit", "asOf", "note"]);
  if (input.strategy !== undefined) {
    const strategy = input.strategy === null ? null : await findNamed(tx, Strategy, "slug", input.strategy, "input.strategy", "Use the slug of one of the municipality's strategies.");
    if (strategy && strategy.municipality.id !== indicator.municipality.id) {
      throw badUserInput("input.strategy belongs to another municipality; an indicator can only measure its own municipality's strategy.", ["input.strategy"]);
    }
    indicator.strategy = strategy ? ref(strategy) : null;
  }
  await applySources(tx, indicator, input);
}

/** Creates and changes indicators. */
@Resolver(() => Indicator)
export class IndicatorMutationResolver {
  @Mutation(() => Indicator, { description: "Creates an indicator of a municipality, as a draft." })
  createIndicator(@Arg("input", () => CreateIndicatorInput, { description: "The new record's fields." }) input: CreateIndicatorInput, @Ctx() ctx: HubContext): Promise<Indicator> {
    return createRecord(ctx, indicatorKind, async (tx, viewer) => {
      const municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "indicator");
      await requireUnused(tx, Indicator, { municipality, key: input.key }, "input.key", input.key);
      const indicator = new Indicator(ref(municipality), input.key, input.name, input.value, input.unit);
      await applyIndicator(tx, indicator, input);
      return indicator;
    });
  }

  @Mutation(() => Indicator, { description: "Changes an indicator, if it still has the version you last saw (CONFLICT otherwise)." })
  updateIndicator(
    @Arg("id", () => ID, { description: "ID of the indicator." }) id: string,
    @Arg("version", () => Int, { description: "The indicator's `version` as you last read it." }) version: number,
    @Arg("input", () => IndicatorInput, { description: "The fields to change; those left out keep their value." }) input: IndicatorInput,
    @Ctx() ctx: HubContext,
  ): Promise<Indicator> {
    return updateRecord(ctx, indicatorKind, id, version, (tx, indicator) => applyIndicator(tx, indicator, input));
  }
}
