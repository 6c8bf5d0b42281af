import { Field, InputType } from "type-graphql";
import { OrderDirection, type OrderSpec } from "./pagination.js";

/** How an order field maps to an entity property. */
export type OrderFields<F extends string> = Record<F, Omit<OrderSpec, "direction">>;

/** Builds the `<Name>Order` input type: a field of `fieldEnum` and a direction. */
export function OrderInput<F extends string>(name: string, fieldEnum: object, defaultField: F) {
  @InputType(`${name}Order`, { description: `Sort order of ${name} lists; ties are broken by creation order.` })
  class Order {
    @Field(() => fieldEnum, { defaultValue: defaultField, description: "Field to sort by." })
    field: F = defaultField;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Sort direction." })
    direction: OrderDirection = OrderDirection.ASC;
  }
  return Order;
}

/** Resolves an order argument to the spec that pagination uses. */
export function orderSpec<F extends string>(
  fields: OrderFields<F>,
  order: { field: F; direction: OrderDirection } | null | undefined,
  fallback: F,
): OrderSpec {
  const field = order?.field ?? fallback;
  return { ...fields[field], direction: order?.direction ?? OrderDirection.ASC };
}
