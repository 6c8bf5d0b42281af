import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Work } from "../common/list-bounds.js";
import { defineLoader } from "../common/loaders.js";
import { Project } from "../project/project.entity.js";
import { SimilarProject } from "./similar-project.type.js";
import { SIMILAR_WORK, SimilarArgs } from "./similarity.inputs.js";
import type { ScoredMatch } from "./similarity.score.js";
import { similarLists, suggestionsOf } from "./similarity.service.js";

/** Each project's ranked matches (ids, scores, reasons), read or computed once per request however many `first` values ask. */
export const similarLoader = defineLoader<number, ScoredMatch[]>("Project.similar", async ({ em }, ids) => {
  const lists = await similarLists(em, ids);
  return ids.map((id) => lists.get(id) ?? []);
});

/** Serves `Project.similar`: what other municipalities did that this project could reuse. */
@Resolver(() => Project)
export class SimilarityResolver {
  @FieldResolver(() => [SimilarProject], {
    description:
      "Published projects of other municipalities that resemble this one (shared topics, wording of title and summary, a shared provider or product), best first, each with its reasons. Empty when nothing is plausibly similar: the list is never padded.",
  })
  // Each source's candidate search reads up to a few thousand feature rows: priced like a small aggregate.
  @Work(SIMILAR_WORK)
  async similar(
    @Root() project: Project,
    @Args() { first }: SimilarArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SimilarProject[]> {
    // The lists of a page are read in one statement, and the projects they show (only the first `first`) in one more.
    const matches = (await similarLoader(ctx).load(project.id)).slice(0, first);
    return suggestionsOf(matches, ctx.loaders);
  }
}
