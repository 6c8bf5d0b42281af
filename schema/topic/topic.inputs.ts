import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs, OrderDirection } from "../common/pagination.js";

/** Arguments of the topics connection. */
@ArgsType()
export class TopicsArgs extends ConnectionArgs {
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction of the sort by key." })
  direction: OrderDirection = OrderDirection.ASC;
}
