import { registerEnumType } from "type-graphql";

/** Where a record stands in its editorial life cycle. */
export enum PublicationState {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}

registerEnumType(PublicationState, {
  name: "PublicationState",
  description: "Where a record stands in its editorial life cycle.",
  valuesConfig: {
    DRAFT: { description: "Being written; visible only to its municipality's editors and to admins." },
    PUBLISHED: { description: "Public: everybody can read it." },
    ARCHIVED: { description: "Withdrawn for good; kept with its history, but gone for the public." },
  },
});
