import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";

/** Changes to a topic: fields left out keep their value. */
@InputType({ description: "Changes to a topic (admins only). Fields left out keep their value." })
export class TopicInput {
  @Field(() => String, { nullable: true, description: "German label, e.g. `E-Akte`." })
  @IsTitle()
  labelDe?: string | null;

  @Field(() => String, { nullable: true, description: "English label, e.g. `e-file`." })
  @IsTitle()
  labelEn?: string | null;

  @Field(() => String, { nullable: true, description: "What the topic covers, in German." })
  @IsText()
  description?: string | null;
}

/** A new topic. */
@InputType({ description: "A new topic (admins only)." })
export class CreateTopicInput extends TopicInput {
  @Field({ description: "Stable key used in filters, e.g. `e-file`; cannot be changed later." })
  @IsSlug()
  @MaxLength(60, { message: "key is at most 60 characters" })
  key: string;

  @Field({ description: "German label, e.g. `E-Akte`." })
  @IsTitle()
  declare labelDe: string;

  @Field({ description: "English label, e.g. `e-file`." })
  @IsTitle()
  declare labelEn: string;

  @Field({ description: "What the topic covers, in German." })
  @IsText()
  declare description: string;
}
