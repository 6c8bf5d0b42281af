import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { State } from "./state.enum.js";

/** Narrows a municipality list. */
@InputType({ description: "Narrows a municipality list." })
export class MunicipalityFilter {
  @Field(() => [State], { nullable: true, description: "States, e.g. `[NW, HE]`." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;
}

/** How municipalities lists can be sorted. */
export const municipalityOrdering = defineOrdering(
  "Municipality",
  "municipalities",
  {
    NAME: { property: "name", kind: "string", description: "By name." },
    SLUG: BY_SLUG,
    OFFICIAL_KEY: {
      property: "officialKey",
      kind: "string",
      description: "By official municipality key (AGS), i.e. by state and district.",
    },
    CREATED_AT: BY_CREATION,
  },
  "NAME",
);

/** Arguments of the municipality connection. */
@ArgsType()
export class MunicipalitiesArgs extends ConnectionArgs {
  @Field(() => MunicipalityFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: MunicipalityFilter | null;

  @Field(() => municipalityOrdering.Input, { nullable: true, description: "Sort order; by name if not given." })
  orderBy?: OrderingArgument<typeof municipalityOrdering> | null;
}
