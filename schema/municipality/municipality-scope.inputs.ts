import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { State } from "./state.enum.js";

/**
 * Filter criteria of lists whose records belong to a municipality and carry
 * topics; list filters extend it with criteria of their own.
 */
@InputType({ description: "Criteria shared by lists of municipal records." })
export class MunicipalityScopeFilter {
  @Field(() => [String], { nullable: true, description: 'Municipality slugs, e.g. `["herten", "kelsterbach"]`.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  municipalities?: string[] | null;

  @Field(() => [State], { nullable: true, description: "States of the records' municipalities, e.g. `[NW, HE]`." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic keys, e.g. `["e-file"]`; query `topics` for the list.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  topics?: string[] | null;
}
