import { Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle, IsWebAddress } from "../publishing/validation.js";
import { State } from "./state.enum.js";

/** Changes to a municipality: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a municipality (admins only). Fields left out keep their value; null clears an optional field.",
})
export class MunicipalityInput extends CitedInput {
  @Field(() => String, { nullable: true, description: "Official name, e.g. `Herten`." })
  @IsTitle()
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Amtlicher Gemeindeschlüssel (AGS): 8 digits, starting with the state's prefix.",
  })
  @MaxLength(8, { message: "officialKey is 8 digits" })
  officialKey?: string | null;

  @Field(() => State, { nullable: true, description: "Federal state." })
  state?: State | null;

  @Field(() => String, { nullable: true, description: "Government region (Regierungsbezirk), where there is one." })
  @IsTitle()
  governmentRegion?: string | null;

  @Field(() => String, { nullable: true, description: "District (Kreis), for municipalities that belong to one." })
  @IsTitle()
  district?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Population, 1 to 10,000,000, as `populationSource` gives it; null clears it. Written together with `populationAsOf` and `populationSource`.",
  })
  @Min(1, { message: "population must be a positive number of inhabitants" })
  @Max(10_000_000, { message: "population must be at most 10,000,000" })
  population?: number | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "Reference date (Stichtag) of the population, not in the future; null when its source states none. Written together with `population`.",
  })
  populationAsOf?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Key of the source the population is taken from; required with a population, null without one. Create a source first with `createSource`.",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: `populationSource is a source key, at most ${MAX_SLUG_LENGTH} characters` })
  populationSource?: string | null;

  @Field(() => String, { nullable: true, description: "Official website (http or https)." })
  @IsWebAddress()
  website?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @IsText()
  note?: string | null;
}

/** A new municipality. */
@InputType({ description: "A new municipality (admins only)." })
export class CreateMunicipalityInput extends MunicipalityInput {
  @Field({ description: "Stable slug, e.g. `herten`; cannot be changed later." })
  @IsSlug()
  @MaxLength(100, { message: "slug is at most 100 characters" })
  slug: string;

  @Field({ description: "Official name, e.g. `Herten`." })
  @IsTitle()
  declare name: string;

  @Field({ description: "Amtlicher Gemeindeschlüssel (AGS): 8 digits, starting with the state's prefix." })
  @MaxLength(8, { message: "officialKey is 8 digits" })
  declare officialKey: string;

  @Field(() => State, { description: "Federal state." })
  declare state: State;
}
