import { registerEnumType } from "type-graphql";

/** What a write did to a record. */
export enum RevisionAction {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  PUBLISHED = "PUBLISHED",
  UNPUBLISHED = "UNPUBLISHED",
  ARCHIVED = "ARCHIVED",
}

registerEnumType(RevisionAction, {
  name: "RevisionAction",
  description: "What a write did to a record.",
  valuesConfig: {
    CREATED: { description: "The record was created." },
    UPDATED: { description: "Fields of the record were changed." },
    PUBLISHED: { description: "The record was made public." },
    UNPUBLISHED: { description: "The record was taken back to a draft." },
    ARCHIVED: { description: "The record was archived." },
  },
});
