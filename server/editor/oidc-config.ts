/**
 * Single sign-on through a town's OpenID Connect provider, from the `OIDC_*` variables. Off unless `OIDC_ISSUER`,
 * `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` are all set. This module only reads variables; the flow is in ./oidc.ts.
 */

/** How a person's claims make them an editor of one municipality. */
export interface OidcConfig {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The scopes asked for, `openid` among them. */
  scope: string;
  /** Every person of this provider belongs to this municipality (slug or AGS); null reads `municipalityClaim`. */
  municipality: string | null;
  /** The claim (a dotted path into nested claims) holding the person's municipality: its slug or AGS. */
  municipalityClaim: string[];
  /** The claim (dotted path) holding the person's roles or groups; null lets everybody with a municipality edit. */
  roleClaim: string[] | null;
  /** With `roleClaim`: the values of it that make a person an editor. */
  editorRoles: string[];
  /** The claim with the person's name as revisions and pages show it (then `preferred_username`, `email`). */
  nameClaim: string[];
  /** Plain http to the provider, allowed only for a provider on this machine (development and tests). */
  allowHttp: boolean;
  /**
   * Where the provider sends the browser after signing out there (registered at the provider as a
   * `post_logout_redirect_uri`); null for the hub's own `/abgemeldet` at its public origin.
   */
  postLogoutRedirectUri: string | null;
}

/** The variables this module reads. */
export const OIDC_VARIABLES = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_SCOPE",
  "OIDC_MUNICIPALITY",
  "OIDC_MUNICIPALITY_CLAIM",
  "OIDC_ROLE_CLAIM",
  "OIDC_EDITOR_ROLES",
  "OIDC_NAME_CLAIM",
  "OIDC_POST_LOGOUT_REDIRECT_URI",
] as const;
type OidcVariable = (typeof OIDC_VARIABLES)[number];

/** A claim path: names of letters, digits, `_`, `-`, `:` joined by dots, e.g. `realm_access.roles`. */
const CLAIM_PATH = /^[A-Za-z0-9_:-]{1,100}(\.[A-Za-z0-9_:-]{1,100}){0,4}$/;
/** A municipality's slug or its eight-digit AGS. */
const MUNICIPALITY_KEY = /^([a-z0-9]+(-[a-z0-9]+)*|[0-9]{8})$/;
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

function shown(raw: string): string {
  const text = JSON.stringify(raw);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function read(env: NodeJS.ProcessEnv, name: OidcVariable): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The issuer URL as given, or a problem: https, or http to this machine only; no query or fragment. */
function checkIssuer(raw: string): { url: string; allowHttp: boolean } | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      problem: `OIDC_ISSUER is not a URL; expected e.g. https://login.stadt.example/realms/stadt, got ${shown(raw)}`,
    };
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return { problem: `OIDC_ISSUER must start with https:// (http:// only for localhost), got ${shown(raw)}` };
  if (url.search || url.hash || url.username || url.password)
    return { problem: `OIDC_ISSUER must be the issuer URL without query, fragment or user, got ${shown(raw)}` };
  return { url: raw, allowHttp: url.protocol === "http:" };
}

/** The address to return to after signing out at the provider: https (http to this machine only), no fragment. */
function checkReturnUrl(raw: string | undefined): string | null | { problem: string } {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `OIDC_POST_LOGOUT_REDIRECT_URI is not a URL, got ${shown(raw)}` };
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return {
      problem: `OIDC_POST_LOGOUT_REDIRECT_URI must start with https:// (http:// only for localhost), got ${shown(raw)}`,
    };
  if (url.hash || url.username || url.password || raw.length > 500)
    return { problem: `OIDC_POST_LOGOUT_REDIRECT_URI must be a URL without fragment or user, got ${shown(raw)}` };
  return url.href;
}

function claimPath(name: OidcVariable, raw: string): string[] | { problem: string } {
  return CLAIM_PATH.test(raw)
    ? raw.split(".")
    : { problem: `${name} must be a claim name or dotted path such as realm_access.roles, got ${shown(raw)}` };
}

/** A variable of printable characters (no spaces) of at most `max`. */
function printable(name: OidcVariable, raw: string, max: number): string | { problem: string } {
  return /^[\x21-\x7e]+$/.test(raw) && raw.length <= max
    ? raw
    : { problem: `${name} must be 1 to ${max} printable characters without spaces` };
}

function checkScope(raw: string | undefined): string | { problem: string } {
  const scope = (raw ?? "openid profile").split(/\s+/).filter(Boolean);
  if (!scope.includes("openid")) return { problem: `OIDC_SCOPE must contain openid, got ${shown(raw ?? "")}` };
  if (!scope.every((value) => /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(value)) || scope.length > 20)
    return { problem: `OIDC_SCOPE must be up to 20 scope names separated by spaces, got ${shown(raw ?? "")}` };
  return scope.join(" ");
}

function checkRoles(raw: string | undefined): string[] | { problem: string } {
  const roles = (raw ?? "ikz-redaktion")
    .split(",")
    .map((role) => role.trim())
    .filter(Boolean);
  if (!roles.length || roles.length > 50 || roles.some((role) => role.length > 200 || /[\u0000-\u001f]/.test(role)))
    return { problem: `OIDC_EDITOR_ROLES must be 1 to 50 role names separated by commas, got ${shown(raw ?? "")}` };
  return roles;
}

/** The first problem among parsed values, or null. */
function firstProblem(values: unknown[]): string | null {
  for (const value of values)
    if (value && typeof value === "object" && "problem" in value) return (value as { problem: string }).problem;
  return null;
}

/** Reads the `OIDC_*` variables: null when single sign-on is off, else its configuration or the first problem. */
export function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | { problem: string } | null {
  const [issuerRaw, clientIdRaw, secret] = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).map(
    (name) => read(env, name),
  );
  const given = [issuerRaw, clientIdRaw, secret].filter((value) => value !== undefined).length;
  if (given === 0) {
    const stray = OIDC_VARIABLES.find((name) => read(env, name) !== undefined);
    return stray
      ? {
          problem: `${stray} is set but OIDC_ISSUER is not; single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET`,
        }
      : null;
  }
  if (given < 3)
    return { problem: "Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none of them)" };
  const fixed = read(env, "OIDC_MUNICIPALITY");
  if (fixed && read(env, "OIDC_MUNICIPALITY_CLAIM"))
    return { problem: "Set OIDC_MUNICIPALITY or OIDC_MUNICIPALITY_CLAIM, not both" };
  if (fixed && !MUNICIPALITY_KEY.test(fixed))
    return { problem: `OIDC_MUNICIPALITY must be a municipality's slug or eight-digit AGS, got ${shown(fixed)}` };
  const roleClaimRaw = read(env, "OIDC_ROLE_CLAIM");
  const parts = {
    issuer: checkIssuer(issuerRaw!),
    clientId: printable("OIDC_CLIENT_ID", clientIdRaw!, 255),
    clientSecret: printable("OIDC_CLIENT_SECRET", secret!, 1000),
    scope: checkScope(read(env, "OIDC_SCOPE")),
    municipalityClaim: claimPath("OIDC_MUNICIPALITY_CLAIM", read(env, "OIDC_MUNICIPALITY_CLAIM") ?? "kommune"),
    roleClaim: roleClaimRaw ? claimPath("OIDC_ROLE_CLAIM", roleClaimRaw) : null,
    editorRoles: checkRoles(read(env, "OIDC_EDITOR_ROLES")),
    nameClaim: claimPath("OIDC_NAME_CLAIM", read(env, "OIDC_NAME_CLAIM") ?? "name"),
    postLogoutRedirectUri: checkReturnUrl(read(env, "OIDC_POST_LOGOUT_REDIRECT_URI")),
  };
  const problem = firstProblem(Object.values(parts));
  if (problem) return { problem };
  const issuer = parts.issuer as { url: string; allowHttp: boolean };
  return {
    issuer: issuer.url,
    allowHttp: issuer.allowHttp,
    clientId: parts.clientId as string,
    clientSecret: parts.clientSecret as string,
    scope: parts.scope as string,
    municipality: fixed ?? null,
    municipalityClaim: parts.municipalityClaim as string[],
    roleClaim: parts.roleClaim as string[] | null,
    editorRoles: parts.editorRoles as string[],
    nameClaim: parts.nameClaim as string[],
    postLogoutRedirectUri: parts.postLogoutRedirectUri as string | null,
  };
}
