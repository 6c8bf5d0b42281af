import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Source } from "../source/source.entity.js";
import { Municipality } from "./municipality.entity.js";

/** Adds the source of a municipality's population. */
@Resolver(() => Municipality)
export class MunicipalityPopulationResolver {
  @FieldResolver(() => Source, {
    nullable: true,
    description:
      "The publication `population` is taken from; null without a population, or while that source is not published (for callers who cannot read drafts).",
  })
  populationSource(@Root() municipality: Municipality, @Ctx() { loaders }: HubContext): Promise<Source | null> | null {
    return municipality.populationSource ? loaders.byId(Source).load(municipality.populationSource.id) : null;
  }
}
