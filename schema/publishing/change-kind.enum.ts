import { registerEnumType } from "type-graphql";

/** How a write changed what the public sees: the entries of the change feed. */
export enum ChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNPUBLISHED = "UNPUBLISHED",
  ARCHIVED = "ARCHIVED",
}

registerEnumType(ChangeKind, {
  name: "ChangeKind",
  description: "How a write changed what the public sees.",
  valuesConfig: {
    CREATED: { description: "The record became public (created, or published): fetch it and add it." },
    UPDATED: { description: "A public record changed: fetch it again." },
    UNPUBLISHED: { description: "The record went back to a draft: remove it for now." },
    ARCHIVED: { description: "The record was archived: remove it for good." },
  },
});
