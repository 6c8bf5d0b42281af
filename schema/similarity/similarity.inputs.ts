import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

/** The most suggestions `Project.similar` returns. */
export const MAX_SIMILAR = 20;

/**
 * What one project's suggestions cost beyond the objects they return: a candidate
 * search over the precomputed features, about 20–25 ms of database time per project at
 * 40,000 projects, as much as an aggregate statement (`AGGREGATE_WORK`, 500) reads. So a
 * page of 20 projects with `similar` costs about 9,200, just under the default limit.
 */
export const SIMILAR_WORK = 450;

/** Arguments of `Project.similar`. */
@ArgsType()
export class SimilarArgs {
  @Field(() => Int, {
    defaultValue: 5,
    description: `How many suggestions at most, 0 to ${MAX_SIMILAR}. Fewer (or none) come back when fewer projects are plausibly similar.`,
  })
  @Min(0, { message: "first must not be negative" })
  @Max(MAX_SIMILAR, { message: `first must be at most ${MAX_SIMILAR}` })
  first: number = 5;
}
