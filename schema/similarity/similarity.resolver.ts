import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Work } from "../common/list-bounds.js";
import { defineLoader } from "../common/loaders.js";
import { Project } from "../project/project.entity.js";
import { SimilarProject } from "./similar-project.type.js";
import { MAX_SIMILAR, SIMILAR_WORK, SimilarArgs } from "./similarity.inputs.js";
import { similarProjects } from "./similarity.service.js";

/** Each project's most similar projects, ranked once per request however many `first` values ask. */
export const similarLoader = defineLoader<number, SimilarProject[]>("Project.similar", async ({ em }, ids) => {
  const results = await similarProjects(em, ids, MAX_SIMILAR);
  return ids.map((id) => results.get(id) ?? []);
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
    // One ranking per request, however many `first` values ask for it: the corpus is read once.
    return (await similarLoader(ctx).load(project.id)).slice(0, first);
  }
}
