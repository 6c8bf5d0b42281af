import { Field, ObjectType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { EngagementRole } from "./engagement-role.enum.js";

/** A municipality a provider works for, with the provider's roles there. */
@ObjectType({
  description: "A municipality a provider works for (from published engagements), with the provider's roles there.",
})
export class ProviderClient {
  /** Database id of the municipality; the resolver loads it in batches. */
  municipalityId: number;

  @Field(() => [EngagementRole], { description: "The provider's roles for the municipality, alphabetically." })
  roles: EngagementRole[];

  @Field(() => PartialDateScalar, { nullable: true, description: "Start of the earliest engagement, where known." })
  since: string | null;

  constructor(municipalityId: number, roles: EngagementRole[], since: string | null) {
    this.municipalityId = municipalityId;
    this.roles = roles;
    this.since = since;
  }
}
