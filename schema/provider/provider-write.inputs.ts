import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { State } from "../municipality/state.enum.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle, IsWebAddress } from "../publishing/validation.js";
import { ProviderKind } from "./provider-kind.enum.js";

/** Changes to a provider: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a provider (admins only). Fields left out keep their value; null clears an optional field; lists replace.",
})
export class ProviderInput extends CitedInput {
  @Field(() => String, { nullable: true, description: "Common name, e.g. `KRZN`." })
  @IsTitle()
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Legal name, e.g. `Kommunales Rechenzentrum Niederrhein`." })
  @IsTitle()
  legalName?: string | null;

  @Field(() => ProviderKind, { nullable: true, description: "Kind of provider." })
  kind?: ProviderKind | null;

  @Field(() => String, { nullable: true, description: "Seat (town)." })
  @IsTitle()
  seat?: string | null;

  @Field(() => [State], { nullable: true, description: "States the provider serves; replaces the list." })
  @ArrayMaxSize(16)
  statesServed?: State[] | null;

  @Field(() => String, { nullable: true, description: "Website (http or https)." })
  @IsWebAddress()
  website?: string | null;

  @Field(() => String, { nullable: true, description: "What the provider does, in German." })
  @IsText()
  description?: string | null;
}

/** A new provider. */
@InputType({ description: "A new provider (admins only)." })
export class CreateProviderInput extends ProviderInput {
  @Field({ description: "Stable slug, e.g. `krzn`; cannot be changed later." })
  @IsSlug()
  @MaxLength(100, { message: "slug is at most 100 characters" })
  slug: string;

  @Field({ description: "Common name, e.g. `KRZN`." })
  @IsTitle()
  declare name: string;

  @Field(() => ProviderKind, { description: "Kind of provider." })
  declare kind: ProviderKind;

  @Field({ description: "What the provider does, in German." })
  @IsText()
  declare description: string;
}
