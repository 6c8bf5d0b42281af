import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { OrderInput } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { State } from "../municipality/state.enum.js";
import { ProviderKind } from "./provider-kind.enum.js";

/** Narrows a provider list. */
@InputType({ description: "Narrows a provider list. Every given criterion must hold; within one criterion any value may match." })
export class ProviderFilter {
  @Field(() => [ProviderKind], { nullable: true, description: "Kinds of provider." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: ProviderKind[] | null;

  @Field(() => [State], { nullable: true, description: "States the provider serves." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;
}

/** Fields a provider list can be sorted by. */
export enum ProviderOrderField {
  NAME = "NAME",
  SLUG = "SLUG",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(ProviderOrderField, {
  name: "ProviderOrderField",
  description: "Fields a provider list can be sorted by.",
  valuesConfig: { NAME: { description: "By name." }, SLUG: { description: "By slug." }, CREATED_AT: { description: "By when the record was added to the hub." } },
});

/** Sort order of provider lists. */
export const ProviderOrder = OrderInput("Provider", ProviderOrderField, ProviderOrderField.NAME);
export type ProviderOrder = InstanceType<typeof ProviderOrder>;

/** Arguments of the provider connection. */
@ArgsType()
export class ProvidersArgs extends ConnectionArgs {
  @Field(() => ProviderFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: ProviderFilter | null;

  @Field(() => ProviderOrder, { nullable: true, description: "Sort order; by name if not given." })
  orderBy?: ProviderOrder | null;
}
