import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { MAX_STRATEGIES, requireRoomFor } from "../common/list-bounds.js";
import { Decision } from "../decision/decision.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import {
  createRecord,
  requireOwnNaming,
  resolveOwnMunicipality,
  updateRecord,
} from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, assignStatus, findAllNamed, requireUnused } from "../publishing/references.js";
import type { CreateStrategyInput, StrategyInput } from "./strategy-write.inputs.js";
import { Strategy } from "./strategy.entity.js";

/** How the write path handles strategies. */
export const strategyKind: RecordKind<Strategy> = {
  entity: Strategy,
  label: "strategy",
  naturalKey: "slug",
  populate: ["municipality", "consultants", "decisions", "sources"],
  owner: (strategy) => strategy.municipality.id,
  publishProblems: (strategy) => (citesPublishedSource(strategy) ? [] : [["sources", "it cites no published source"]]),
};

async function applyStrategy(tx: EntityManager, strategy: Strategy, input: StrategyInput): Promise<void> {
  assignFields(tx, strategy, input, ["title", "presentedOn", "adoptedOn", "horizon", "summary", "vision", "note"]);
  assignStatus(tx, strategy, input);
  await applySources(tx, strategy, input);
  if (input.consultants !== undefined) {
    strategy.consultants.set(
      await findAllNamed(
        tx,
        Provider,
        "slug",
        input.consultants ?? [],
        "input.consultants",
        "Query `providers` for valid slugs.",
      ),
    );
  }
  if (input.decisions !== undefined) {
    strategy.decisions.set(
      await findAllNamed(
        tx,
        Decision,
        "key",
        input.decisions ?? [],
        "input.decisions",
        "Name decisions of the strategy's municipality by key (`Municipality.decisions`); record a new one with `createDecision`.",
        { municipality: strategy.municipality.id },
      ),
    );
  }
}

/** Creates a strategy of a municipality, as a draft. */
export function createStrategyRecord(ctx: HubContext, input: CreateStrategyInput): Promise<Strategy> {
  return createRecord(ctx, strategyKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "strategy");
    await requireOwnNaming(tx, viewer, municipality, input.slug, "input.slug");
    await requireUnused(tx, Strategy, { slug: input.slug }, "input.slug", input.slug);
    await requireRoomFor(
      tx,
      Strategy,
      { municipality },
      MAX_STRATEGIES,
      "input.municipality",
      `The municipality ${input.municipality}`,
      "strategies",
    );
    const strategy = new Strategy(input.slug, input.title, ref(municipality), input.status, input.summary);
    await applyStrategy(tx, strategy, input);
    return strategy;
  });
}

/** Changes a strategy, if it still has the version you last saw (CONFLICT otherwise). */
export function updateStrategyRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: StrategyInput,
): Promise<Strategy> {
  return updateRecord(ctx, strategyKind, target, version, (tx, strategy) => applyStrategy(tx, strategy, input));
}
