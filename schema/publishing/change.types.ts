import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { ChangeKind } from "./change-kind.enum.js";

/** One entry of the change feed: a record became public, changed while public, or left the public view. */
@ObjectType({
  description: "A change to what the public sees: a record created (or published), updated, unpublished or archived.",
})
export class Change {
  @Field(() => ChangeKind, { description: "How the public view changed." })
  kind: ChangeKind;

  @Field(() => DateTimeScalar, { description: "When the change was committed." })
  at: Date;

  @Field({ description: "GraphQL type of the record, e.g. `Project`." })
  type: string;

  @Field(() => ID, {
    description: "Global ID of the record; fetch it with `node(id:)`, or drop it on UNPUBLISHED and ARCHIVED.",
  })
  id: string;

  /** Database id of the record, for loading `node`. */
  recordId: number;
}

/** The before and after of one field in a revision. */
@ObjectType({ description: "The before and after of one changed field." })
export class FieldChange {
  @Field({ description: "Field name, as in the GraphQL type (relations by name, e.g. `topics`)." })
  field: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      "The value before (`null` when the field was empty or the record new), as a JSON value: text, number, boolean, list or object; related records by slug or key.",
  })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The value after, as a JSON value (`null` when emptied)." })
  after: unknown;
}
