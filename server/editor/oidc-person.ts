import type { EntityManager } from "@mikro-orm/postgresql";
import type { Municipality } from "../../schema/municipality/municipality.entity.js";
import { EditorPerson, PERSON_NAME_MAX_LENGTH } from "../../schema/token/editor-person.entity.js";
import { endSessionsOf } from "../../schema/token/session.service.js";
import { claimAt, type PersonClaims } from "./oidc.js";
import type { OidcConfig } from "./oidc-config.js";

/** Why a person the provider vouched for may not edit, as the refusal page explains it. */
export type Refusal = "no-municipality" | "unknown-municipality" | "several-municipalities" | "no-role" | "bad-subject";

/** Most values a municipality or role claim may hold that are looked at. */
const MAX_CLAIM_VALUES = 100;
/** A subject as the specification allows it: at most 255 ASCII characters. */
const SUBJECT = /^[\x21-\x7e]{1,255}$/;
/** Characters no name shown on a page or in a revision may hold: controls and bidirectional overrides. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The strings of a claim that is a string, a number or a list of them (other values count as none). */
function claimValues(value: unknown): string[] {
  const values = Array.isArray(value) ? value.slice(0, MAX_CLAIM_VALUES) : [value];
  return values.flatMap((item) =>
    typeof item === "string" ? [item.trim()] : typeof item === "number" ? [String(item).padStart(8, "0")] : [],
  );
}

/** The person's name from the configured claim, else `preferred_username` or `email`; clean, on one line, not too long. */
export function nameOf(claims: PersonClaims, config: Pick<OidcConfig, "nameClaim">): string {
  for (const candidate of [claimAt(claims, config.nameClaim), claims.preferred_username, claims.email]) {
    if (typeof candidate !== "string") continue;
    const name = [...candidate.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim()]
      .slice(0, PERSON_NAME_MAX_LENGTH)
      .join("")
      .trim();
    if (name) return name;
  }
  return "Person ohne Namen";
}

/** The one municipality the claims (or the fixed OIDC_MUNICIPALITY) name by slug or AGS, or why there is none. */
async function municipalityOf(
  em: EntityManager,
  claims: PersonClaims,
  config: OidcConfig,
): Promise<Municipality | Refusal> {
  const keys = config.municipality ? [config.municipality] : claimValues(claimAt(claims, config.municipalityClaim));
  const wanted = keys.filter((key) => key.length > 0 && key.length <= 100);
  if (!wanted.length) return "no-municipality";
  const found = await em.find<Municipality>("Municipality", {
    $or: [{ slug: { $in: wanted } }, { officialKey: { $in: wanted } }],
  });
  if (!found.length) return "unknown-municipality";
  return found.length === 1 ? found[0] : "several-municipalities";
}

/** Whether the claims make the person an editor: always without OIDC_ROLE_CLAIM, else one of OIDC_EDITOR_ROLES. */
function mayEdit(claims: PersonClaims, config: OidcConfig): boolean {
  if (!config.roleClaim) return true;
  return claimValues(claimAt(claims, config.roleClaim)).some((role) => config.editorRoles.includes(role));
}

/**
 * The person the validated claims describe, stored (or brought up to date: name, municipality) so that their
 * sessions and revisions can name them; or why they may not edit. A person known from an earlier sign-in who
 * lost their mapping has their open sessions ended too.
 */
export async function personOf(
  em: EntityManager,
  claims: PersonClaims,
  config: OidcConfig,
): Promise<EditorPerson | { refused: Refusal }> {
  if (typeof claims.sub !== "string" || !SUBJECT.test(claims.sub)) return { refused: "bad-subject" };
  const known = await em.findOne(EditorPerson, { issuer: claims.iss, subject: claims.sub });
  const municipality = await municipalityOf(em, claims, config);
  const refusal = typeof municipality === "string" ? municipality : mayEdit(claims, config) ? null : "no-role";
  if (refusal) {
    if (known) await endSessionsOf(em, { tokenId: null, personId: known.id });
    return { refused: refusal };
  }
  const place = em.getReference<Municipality>("Municipality", (municipality as Municipality).id, { wrapped: true });
  const person = known ?? new EditorPerson(claims.iss, claims.sub, nameOf(claims, config), place);
  person.name = nameOf(claims, config);
  person.municipality = place;
  person.lastSignInAt = new Date();
  em.persist(person);
  await em.flush();
  // The session's pages show the municipality's name: loaded with the person.
  await em.populate(person, ["municipality"]);
  return person;
}
