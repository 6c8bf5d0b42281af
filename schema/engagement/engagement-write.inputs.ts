import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsText } from "../publishing/validation.js";
import { EngagementRole } from "./engagement-role.enum.js";

/** Changes to an engagement: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to an engagement. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class EngagementInput extends CitedInput {
  @Field(() => PartialDateScalar, { nullable: true, description: "Since when the provider works in this role." })
  since?: string | null;

  @Field(() => String, { nullable: true, description: "What the provider does for the municipality, in German." })
  @IsText()
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @IsText()
  note?: string | null;
}

/** A new engagement of a provider by a municipality, created as a draft. */
@InputType({
  description:
    "A provider working for a municipality in a role. It starts as a draft: publish it with `publishEngagement`.",
})
export class CreateEngagementInput extends EngagementInput {
  @Field({ description: "Slug of the municipality; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({ description: "Slug of the provider, e.g. `krzn`." })
  @MaxLength(MAX_SLUG_LENGTH)
  provider: string;

  @Field(() => EngagementRole, {
    description: "Role of the provider; with municipality and provider it identifies the engagement.",
  })
  role: EngagementRole;

  @Field({ description: "What the provider does for the municipality, in German." })
  @IsText()
  declare description: string;
}
