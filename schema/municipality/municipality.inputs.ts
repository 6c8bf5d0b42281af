import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { OrderInput } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { State } from "./state.enum.js";

/** Narrows a municipality list. */
@InputType({ description: "Narrows a municipality list." })
export class MunicipalityFilter {
  @Field(() => [State], { nullable: true, description: "States, e.g. `[NW, HE]`." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;
}

/** Fields a municipality list can be sorted by. */
export enum MunicipalityOrderField {
  NAME = "NAME",
  SLUG = "SLUG",
  OFFICIAL_KEY = "OFFICIAL_KEY",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(MunicipalityOrderField, {
  name: "MunicipalityOrderField",
  description: "Fields a municipality list can be sorted by.",
  valuesConfig: { NAME: { description: "By name." }, SLUG: { description: "By slug." }, OFFICIAL_KEY: { description: "By official municipality key (AGS), i.e. by state and district." }, CREATED_AT: { description: "By when the record was added to the hub." } },
});

/** Sort order of municipality lists. */
export const MunicipalityOrder = OrderInput("Municipality", MunicipalityOrderField, MunicipalityOrderField.NAME);
export type MunicipalityOrder = InstanceType<typeof MunicipalityOrder>;

/** Arguments of the municipality connection. */
@ArgsType()
export class MunicipalitiesArgs extends ConnectionArgs {
  @Field(() => MunicipalityFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: MunicipalityFilter | null;

  @Field(() => MunicipalityOrder, { nullable: true, description: "Sort order; by name if not given." })
  orderBy?: MunicipalityOrder | null;
}
