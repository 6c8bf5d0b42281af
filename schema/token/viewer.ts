import { Field, ObjectType } from "type-graphql";
import type { ApiToken } from "./api-token.entity.js";
import { TokenRole } from "./token-role.enum.js";

/** Who is calling: the verified API token of the request. Anonymous callers have none. */
@ObjectType({ description: "The API token this request was made with." })
export class Viewer {
  /** Database id of the token (not exposed). */
  tokenId: number;

  @Field({ description: "Name of the token, e.g. `Amt 10 – Digitalisierung`." })
  name: string;

  @Field(() => TokenRole, { description: "What the token may do." })
  role: TokenRole;

  /** Database id of an editor's municipality; null for admins (resolved by the resolver). */
  municipalityId: number | null;
}

/** The viewer a verified token identifies. */
export function viewerOfToken(record: ApiToken): Viewer {
  return { tokenId: record.id, name: record.name, role: record.role, municipalityId: record.municipality?.id ?? null };
}
