import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { StrategyStatus, StrategyStatusValue } from "./strategy-status.enum.js";

/** Narrows a strategy list. */
@InputType({
  description: "Narrows a strategy list. Every given criterion must hold; within one criterion any value may match.",
})
export class StrategyFilter extends MunicipalityScopeFilter {
  @Field(() => [StrategyStatusValue], { nullable: true, description: "Strategy statuses." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: StrategyStatus[] | null;
}

/** How strategies lists can be sorted. */
export const strategyOrdering = defineOrdering(
  "Strategy",
  "strategies",
  {
    TITLE: { property: "title", kind: "string", description: "By title." },
    SLUG: BY_SLUG,
    CREATED_AT: BY_CREATION,
  },
  "TITLE",
);

/** Arguments of the strategy connection. */
@ArgsType()
export class StrategiesArgs extends ConnectionArgs {
  @Field(() => StrategyFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: StrategyFilter | null;

  @Field(() => strategyOrdering.Input, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: OrderingArgument<typeof strategyOrdering> | null;
}
