import { Field, ObjectType } from "type-graphql";
import type { ApiToken } from "./api-token.entity.js";
import type { EditorPerson } from "./editor-person.entity.js";
import { TokenRole } from "./token-role.enum.js";

/**
 * Who is calling: the verified API token of the request, or (only on the editor pages) a person signed in through
 * single sign-on, who acts like an editor token of their municipality. Anonymous callers have none.
 */
@ObjectType({ description: "The API token this request was made with." })
export class Viewer {
  /** Database id of the token (not exposed); null for a person signed in through single sign-on. */
  tokenId: number | null;

  /** Database id of the person signed in through single sign-on (not exposed); null for a token. */
  personId: number | null;

  @Field({ description: "Name of the token, e.g. `Amt 10 – Digitalisierung`." })
  name: string;

  @Field(() => TokenRole, { description: "What the token may do." })
  role: TokenRole;

  /** Database id of an editor's municipality; null for admins (resolved by the resolver). */
  municipalityId: number | null;
}

/** The viewer a verified token identifies. */
export function viewerOfToken(record: ApiToken): Viewer {
  return {
    tokenId: record.id,
    personId: null,
    name: record.name,
    role: record.role,
    municipalityId: record.municipality?.id ?? null,
  };
}

/** The viewer a person signed in through single sign-on is: an editor of their municipality, under their name. */
export function viewerOfPerson(person: EditorPerson): Viewer {
  return {
    tokenId: null,
    personId: person.id,
    name: person.name,
    role: person.role,
    municipalityId: person.municipality.id,
  };
}
