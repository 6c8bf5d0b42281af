import { Enum, Property } from "@mikro-orm/core";
import { Field, InterfaceType, Int } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PublicationState } from "./publication-state.enum.js";

/**
 * Base of every record municipal editors maintain: it has a publication state
 * (drafts are not public) and a version that guards updates against overwriting
 * a colleague's edit.
 */
@InterfaceType("Publishable", {
  implements: HubEntity,
  description: "A record municipal editors maintain: drafted, published, archived, with a version and revisions.",
})
export abstract class Publishable extends HubEntity {
  @Field(() => PublicationState, {
    description: "Draft, published or archived. The public only ever sees published records.",
  })
  @Enum({ items: () => PublicationState })
  publicationState: PublicationState = PublicationState.DRAFT;

  /** Raised by every write; MikroORM checks it in the UPDATE, so concurrent writes cannot overwrite each other. */
  @Field(() => Int, {
    description: "Version of the record, raised by every write. Pass it to `update…` as the version you last saw.",
  })
  @Property({ type: "integer", version: true })
  version: number = 1;
}
