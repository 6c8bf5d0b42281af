import { badUserInput } from "./errors.js";

/** The largest database id: ids are PostgreSQL `integer`s. */
export const MAX_DATABASE_ID = 2_147_483_647;

/** Decoded parts of a global ID. */
export interface GlobalIdParts {
  typeName: string;
  id: number;
}

/** Encodes a type name and database id as an opaque Relay global ID. */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, "utf8").toString("base64url");
}

/** Decodes a global ID; a malformed one is a BAD_USER_INPUT error naming `argument`. */
export function fromGlobalId(globalId: string, argument = "id"): GlobalIdParts {
  const decoded = globalId.length <= 200 ? Buffer.from(globalId, "base64url").toString("utf8") : "";
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || Number(match[2]) > MAX_DATABASE_ID)
    throw badUserInput(`"${argument}" is not a valid ID; use the "id" field of an object this API returned.`, [
      argument,
    ]);
  return { typeName: match[1], id: Number(match[2]) };
}
