import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { OrderInput } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { StrategyStatus } from "./strategy-status.enum.js";

/** Narrows a strategy list. */
@InputType({ description: "Narrows a strategy list. Every given criterion must hold; within one criterion any value may match." })
export class StrategyFilter extends MunicipalityScopeFilter {
  @Field(() => [StrategyStatus], { nullable: true, description: "Strategy statuses." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: StrategyStatus[] | null;
}

/** Fields a strategy list can be sorted by. */
export enum StrategyOrderField {
  TITLE = "TITLE",
  SLUG = "SLUG",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(StrategyOrderField, {
  name: "StrategyOrderField",
  description: "Fields a strategy list can be sorted by.",
  valuesConfig: { TITLE: { description: "By title." }, SLUG: { description: "By slug." }, CREATED_AT: { description: "By when the record was added to the hub." } },
});

/** Sort order of strategy lists. */
export const StrategyOrder = OrderInput("Strategy", StrategyOrderField, StrategyOrderField.TITLE);
export type StrategyOrder = InstanceType<typeof StrategyOrder>;

/** Arguments of the strategy connection. */
@ArgsType()
export class StrategiesArgs extends ConnectionArgs {
  @Field(() => StrategyFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: StrategyFilter | null;

  @Field(() => StrategyOrder, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: StrategyOrder | null;
}
