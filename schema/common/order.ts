import { type ClassType, Field, InputType, registerEnumType } from "type-graphql";
import { OrderDirection, type OrderSpec } from "./pagination.js";

/** One way a list can be sorted: the entity property, its kind, and a description for the schema. */
export interface OrderFieldSpec {
  property: string;
  kind: OrderSpec["kind"];
  description: string;
}

/** The `orderBy` argument as resolvers receive it. */
export interface OrderArgument<F extends string> {
  field: F;
  direction: OrderDirection;
}

/** The `orderBy` argument type of an ordering made by `defineOrdering`. */
export type OrderingArgument<O> = O extends Ordering<infer F> ? OrderArgument<F> : never;

/** A list's sort options: the `<Name>OrderField` enum, the `<Name>Order` input, and the spec pagination uses. */
export interface Ordering<F extends string> {
  readonly Input: ClassType<OrderArgument<F>>;
  spec(order: OrderArgument<F> | null | undefined): OrderSpec;
}

/**
 * Declares how a list can be sorted, once: from the field map it registers the
 * `<Name>OrderField` enum and the `<Name>Order` input, and resolves arguments to
 * an `OrderSpec`. Ties are broken by id in the same direction.
 */
export function defineOrdering<F extends string>(
  name: string,
  subject: string,
  fields: Record<F, OrderFieldSpec>,
  defaultField: NoInfer<F>,
): Ordering<F> {
  const keys = Object.keys(fields) as F[];
  const fieldEnum = Object.fromEntries(keys.map((key) => [key, key]));
  registerEnumType(fieldEnum, {
    name: `${name}OrderField`,
    description: `Fields a list of ${subject} can be sorted by.`,
    valuesConfig: Object.fromEntries(keys.map((key) => [key, { description: fields[key].description }])),
  });

  @InputType(`${name}Order`, { description: `Sort order of ${subject}; ties are broken by id in the same direction.` })
  class Order implements OrderArgument<F> {
    @Field(() => fieldEnum, { defaultValue: defaultField, description: "Field to sort by." })
    field: F = defaultField;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Sort direction." })
    direction: OrderDirection = OrderDirection.ASC;
  }

  return {
    Input: Order,
    spec(order) {
      const { property, kind } = fields[order?.field ?? defaultField];
      return { property, kind, direction: order?.direction ?? OrderDirection.ASC };
    },
  };
}

/** Sort options most lists share. */
export const BY_SLUG: OrderFieldSpec = { property: "slug", kind: "string", description: "By slug." };
export const BY_CREATION: OrderFieldSpec = {
  property: "createdAt",
  kind: "date",
  description: "By when the record was added to the hub.",
};
