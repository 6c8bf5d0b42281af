import type { VNode } from "preact";
import { Layout } from "../layout.js";

/** The answer to an unknown path or slug: what happened and where to go on. */
export function NotFoundPage(): VNode {
  return (
    <Layout title="Seite nicht gefunden" section={null}>
      <h1>Seite nicht gefunden</h1>
      <p>
        Unter dieser Adresse gibt es im IKZ-Hub nichts (mehr). Vielleicht wurde der Eintrag umbenannt oder ist nicht
        veröffentlicht.
      </p>
      <ul>
        <li>
          <a href="/">Zur Startseite</a>
        </li>
        <li>
          <a href="/kommunen">Alle Kommunen</a>
        </li>
        <li>
          <a href="/themen">Alle Themen</a>
        </li>
      </ul>
    </Layout>
  );
}

/** The answer when a page cannot be built right now (503: the database is away; 500: anything else). */
export function ErrorPage({ status }: { status: number }): VNode {
  return (
    <Layout title="Seite nicht verfügbar" section={null}>
      <h1>Seite gerade nicht verfügbar</h1>
      <p>
        {status === 503
          ? "Die Datenbank des Hubs ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal."
          : status === 429
            ? "Von Ihrer Adresse kamen in kurzer Zeit sehr viele Anfragen. Bitte versuchen Sie es in einer Minute noch einmal."
            : "Beim Erstellen dieser Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal."}
      </p>
      <p>
        <a href="/">Zur Startseite</a>
      </p>
    </Layout>
  );
}
