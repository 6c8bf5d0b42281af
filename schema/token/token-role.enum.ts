import { registerEnumType } from "type-graphql";

/** What an API token may do. */
export enum TokenRole {
  /** Writes only the records of its one municipality. */
  EDITOR = "EDITOR",
  /** The hub operator: manages municipalities, providers, topics and tokens. */
  ADMIN = "ADMIN",
}

registerEnumType(TokenRole, {
  name: "TokenRole",
  description: "Role of an API token.",
  valuesConfig: {
    EDITOR: { description: "Writes only the records of its own municipality." },
    ADMIN: { description: "Hub operator: manages municipalities, providers, topics and tokens." },
  },
});
