import type { VNode } from "preact";
import { Layout } from "../../site/layout.js";

/** What the sign-in page shows: the form's secret, and a message after a failed attempt or a sign-out. */
export interface SignInProps {
  csrf: string;
  /** Why the last attempt failed, in German; shown next to the field. */
  error?: string | null;
  /** A neutral note, e.g. after signing out. */
  notice?: string | null;
  /** Offers single sign-on through the town's identity provider (OIDC_* configured). */
  sso?: boolean;
  /** The editor page to return to after signing in. */
  weiter?: string | null;
  /** A form's fields posted while the session had ended: carried through sign-in back to that form. */
  preserved?: [string, string][];
}

/** The prefix of carried form fields in the sign-in form, apart from its own. */
export const CARRIED = "eingabe.";

/**
 * The way to the town's identity provider: a link, since it changes nothing here (the page's CSP would not let a
 * form post lead to another site, and a link started elsewhere only signs a person in as themselves). With a
 * form's fields to carry it is a post to the hub (with this page's secret), which keeps them until the return.
 */
function SingleSignOn({
  csrf,
  weiter,
  preserved,
}: {
  csrf: string;
  weiter: string | null;
  preserved: [string, string][];
}): VNode {
  const label = "Mit dem Konto Ihrer Stadt anmelden";
  return (
    <section aria-labelledby="sso-heading">
      <h2 id="sso-heading">Mit dem Konto Ihrer Stadt</h2>
      <p>Sie werden zur Anmeldeseite Ihrer Stadtverwaltung geleitet und danach hierher zurückgebracht.</p>
      {preserved.length && weiter ? (
        <form method="post" action="/anmelden/oidc" class="filter-form">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="weiter" value={weiter} />
          {preserved.map(([name, value], index) => (
            <input key={index} type="hidden" name={CARRIED + name} value={value} />
          ))}
          <button type="submit">{label}</button>
        </form>
      ) : (
        <p>
          <a
            href={weiter ? `/anmelden/oidc?weiter=${encodeURIComponent(weiter)}` : "/anmelden/oidc"}
            class="button-link"
          >
            {label}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * `/anmelden`: a municipal editor pastes the API token they were given once and gets a session, or, where the
 * hub is connected to the town's identity provider, signs in with the town's account.
 */
export function SignInPage({
  csrf,
  error = null,
  notice = null,
  sso = false,
  weiter = null,
  preserved = [],
}: SignInProps): VNode {
  return (
    <Layout title={error ? "Fehler: Anmelden" : "Anmelden"} section={null}>
      <h1>Anmelden für Redaktionen</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p class="lead">
        Redaktionen einer Kommune pflegen hier die Einträge ihrer Stadt. Melden Sie sich
        {sso ? " mit dem Konto Ihrer Stadt oder" : ""} mit dem Zugangsschlüssel an, den Ihnen der Betrieb des Hubs
        gegeben hat (er beginnt mit <code>ikz_</code>). Der Schlüssel wird nicht im Browser gespeichert; Sie erhalten
        eine Sitzung, die nach Inaktivität und spätestens nach einigen Stunden endet.
      </p>
      {sso ? <SingleSignOn csrf={csrf} weiter={weiter} preserved={preserved} /> : null}
      {sso ? <h2>Mit Zugangsschlüssel</h2> : null}
      <form method="post" action="/anmelden" class="filter-form" novalidate>
        <input type="hidden" name="csrf" value={csrf} />
        {weiter ? <input type="hidden" name="weiter" value={weiter} /> : null}
        {preserved.map(([name, value], index) => (
          <input key={index} type="hidden" name={CARRIED + name} value={value} />
        ))}
        <p class="field">
          <label for="token">Zugangsschlüssel</label>
          {error ? (
            <span id="token-error" class="field-error" role="alert">
              {error}
            </span>
          ) : (
            <span id="token-hint" class="hint">
              Beispiel: <code>ikz_</code> und 43 Zeichen aus Buchstaben, Ziffern, „-“ und „_“.
            </span>
          )}
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            class="wide-field"
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "token-error" : "token-hint"}
          />
        </p>
        <button type="submit">Anmelden</button>
      </form>
    </Layout>
  );
}

/** After signing in again: the carried fields, posted back to their form with the new session's secret. */
export function ResumePage({
  csrf,
  weiter,
  preserved,
}: {
  csrf: string;
  weiter: string;
  preserved: [string, string][];
}): VNode {
  return (
    <Layout title="Wieder angemeldet" section={null}>
      <h1>Wieder angemeldet</h1>
      <p class="notice" role="status">
        Ihre Eingaben sind erhalten, aber noch nicht gespeichert.
      </p>
      <form method="post" action={weiter} class="filter-form">
        <input type="hidden" name="csrf" value={csrf} />
        {preserved.map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" name="aktion" value="zeigen">
          Zurück zum Formular mit Ihren Eingaben
        </button>
      </form>
    </Layout>
  );
}

/**
 * A page that sends the browser on to the town's identity provider (to sign in, or to sign out there too) after a
 * form post: by an immediate refresh, since the pages' CSP lets forms lead to the hub only, and by a link.
 */
export function LeavingPage({
  heading,
  text,
  url,
  link,
}: {
  heading: string;
  text: string;
  url: string;
  link: string;
}): VNode {
  return (
    <Layout title={heading} section={null} head={<meta http-equiv="refresh" content={`0; url=${url}`} />}>
      <h1>{heading}</h1>
      <p class="notice" role="status">
        {text}
      </p>
      <p>
        <a href={url} class="button-link">
          {link}
        </a>
      </p>
    </Layout>
  );
}
