import type { VNode } from "preact";
import { Layout } from "../../site/layout.js";
import { DAY_TIME } from "./change-value.js";
import { STATE_LABELS } from "./state-labels.js";
import { FORM_KINDS, formKindOfList, kindPath } from "../forms/form-kinds.js";
import { type EditorRecord, RECORD_KINDS, type RecordKind, STATES, type StateFilter } from "../my-records.js";
import {
  type KindPageView,
  listPath,
  OVERVIEW_SIZE,
  type OverviewView,
  PAGE_SIZE,
  type RecordListView,
} from "../record-list.js";

/** What "Meine Kommune" shows. */
export interface MyMunicipalityProps {
  editor: string;
  municipality: string;
  /** The list's filters as asked (null where the address asked for none, or for something unknown). */
  kind: RecordKind | null;
  state: StateFilter | null;
  /** The list; null when the address asked for something the list cannot show. */
  view: RecordListView | null;
  /** Why the list cannot be shown, in German (with status 400). */
  problem: string | null;
  csrf: string;
}

/** The filter form of the list: kind and state, a plain GET form. */
function Filters({ kind, state }: Pick<MyMunicipalityProps, "kind" | "state">): VNode {
  return (
    <form method="get" action="/meine-kommune" class="filter-form">
      <p>
        <label for="art">Art</label>{" "}
        <select id="art" name="art">
          <option value="">Alle Arten</option>
          {Object.entries(RECORD_KINDS).map(([value, label]) => (
            <option key={value} value={value} selected={value === kind}>
              {label}
            </option>
          ))}
        </select>{" "}
        <label for="stand">Stand</label>{" "}
        <select id="stand" name="stand">
          <option value="">Alle</option>
          {STATES.map((value) => (
            <option key={value} value={value} selected={value === state}>
              {STATE_LABELS[value]}
            </option>
          ))}
        </select>{" "}
        <button type="submit">Filtern</button>
      </p>
    </form>
  );
}

/** A record's form and history, where its kind has a form. */
function EditLinks({ record }: { record: EditorRecord }): VNode | null {
  const kind = formKindOfList(record.kind);
  if (!kind || record.publicationState === "ARCHIVED") return null;
  const base = kindPath(kind, record.key);
  return (
    <>
      <a href={`${base}/bearbeiten`} aria-label={`${record.title} bearbeiten`}>
        Bearbeiten
      </a>
      {" · "}
      <a href={`${base}/verlauf`} aria-label={`Verlauf von ${record.title}`}>
        Verlauf
      </a>
    </>
  );
}

/** Links to the "new" form of every kind with a form. */
function NewLinks(): VNode {
  return (
    <ul class="new-links">
      {FORM_KINDS.map((kind) => (
        <li key={kind.segment}>
          <a href={`${kindPath(kind)}/neu`}>{kind.newHeading}</a>
        </li>
      ))}
    </ul>
  );
}

/** The city's records as a table, latest change first. */
function Records({ records, caption }: { records: EditorRecord[]; caption: string }): VNode {
  if (!records.length) return <p>Keine Einträge mit dieser Auswahl.</p>;
  return (
    // A narrow screen scrolls the table in its own box, never the page.
    <div class="table-scroll" role="region" aria-labelledby="records-caption" tabIndex={0}>
      <table class="records">
        <caption id="records-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Titel</th>
            <th scope="col">Art</th>
            <th scope="col">Stand</th>
            <th scope="col">Zuletzt geändert</th>
            <th scope="col">Redaktion</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={`${record.kind}:${record.key}`}>
              <th scope="row">{record.href ? <a href={record.href}>{record.title}</a> : record.title}</th>
              <td>{RECORD_KINDS[record.kind]}</td>
              <td>{STATE_LABELS[record.publicationState] ?? record.publicationState}</td>
              <td>
                <time dateTime={record.updatedAt}>{DAY_TIME.format(new Date(record.updatedAt))}</time>
              </td>
              <td>
                <EditLinks record={record} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The German plural of a kind, for headings and links. */
const PLURALS: Record<RecordKind, string> = {
  projekt: "Projekte",
  strategie: "Strategien",
  erfahrung: "Erfahrungen",
  quelle: "Quellen",
  beschluss: "Beschlüsse",
  beauftragung: "Beauftragungen",
  handlungsfeld: "Handlungsfelder",
  haushaltsposten: "Haushaltsposten",
  kennzahl: "Kennzahlen",
};

const INCOMPLETE =
  "Diese Art hat mehr Einträge, als eine Seitenansicht lesen kann (über 20.000); nicht alle sind hier gezählt und gelistet.";

/** How many records each kind has in the chosen state, each with a link to its full list. */
function Counts({ view, state }: { view: OverviewView; state: StateFilter | null }): VNode {
  return (
    <div class="table-scroll" role="region" aria-labelledby="counts-caption" tabIndex={0}>
      <table class="records kind-counts">
        <caption id="counts-caption">Einträge je Art{state ? ` (Stand: ${STATE_LABELS[state]})` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Art</th>
            <th scope="col">Anzahl</th>
            <th scope="col">Liste</th>
          </tr>
        </thead>
        <tbody>
          {view.counts.map(({ kind, count, complete }) => (
            <tr key={kind}>
              <th scope="row">{PLURALS[kind]}</th>
              <td>
                {count}
                {complete ? "" : " (oder mehr)"}
              </td>
              <td>
                <a href={listPath({ kind, state, page: 1 })}>
                  Alle<span class="visually-hidden"> {PLURALS[kind]}</span> anzeigen
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Without a kind: how many records each kind has, and the latest changes across kinds, saying how many are shown. */
function Overview({ view, state }: { view: OverviewView; state: StateFilter | null }): VNode {
  const shown = view.latest.length;
  return (
    <>
      <Counts view={view} state={state} />
      <h3>Zuletzt geändert</h3>
      <p>
        {view.total > shown
          ? `Die Übersicht zeigt nur die ${shown} zuletzt geänderten von ${view.total} Einträgen. Alle Einträge einer Art finden Sie über „Alle anzeigen“ in der Tabelle oben.`
          : `Die Übersicht zeigt alle ${view.total} Einträge (höchstens ${OVERVIEW_SIZE} werden hier gezeigt).`}
      </p>
      <Records records={view.latest} caption={`Die ${shown} zuletzt geänderten Einträge aller Arten`} />
    </>
  );
}

/** Which page numbers the paging offers: the first, the last, and two either side of the current one. */
function pageNumbers(page: number, pages: number): number[] {
  const numbers = new Set([1, pages]);
  for (let near = page - 2; near <= page + 2; near++) if (near >= 1 && near <= pages) numbers.add(near);
  return [...numbers].sort((a, b) => a - b);
}

/** Links to the previous, next and numbered pages of a kind's list; filters kept in the address. */
function Paging({
  view,
  kind,
  state,
}: {
  view: KindPageView;
  kind: RecordKind;
  state: StateFilter | null;
}): VNode | null {
  if (view.pages <= 1) return null;
  const to = (page: number) => listPath({ kind, state, page });
  const numbers = pageNumbers(view.page, view.pages);
  return (
    <nav aria-label="Seiten der Liste" class="search-pages record-pages">
      {view.page > 1 ? (
        <a href={to(view.page - 1)} rel="prev">
          Zurück<span class="visually-hidden"> zu Seite {view.page - 1}</span>
        </a>
      ) : null}
      <ul class="page-numbers">
        {numbers.map((page, index) => (
          <li key={page}>
            {index > 0 && numbers[index - 1] !== page - 1 ? <span aria-hidden="true">… </span> : null}
            {page === view.page ? (
              <a href={to(page)} aria-current="page" aria-label={`Seite ${page}, aktuelle Seite`}>
                {page}
              </a>
            ) : (
              <a href={to(page)} aria-label={`Seite ${page}`}>
                {page}
              </a>
            )}
          </li>
        ))}
      </ul>
      {view.page < view.pages ? (
        <a href={to(view.page + 1)} rel="next">
          Weitere<span class="visually-hidden"> Einträge: Seite {view.page + 1}</span>
        </a>
      ) : null}
    </nav>
  );
}

/** One page of a kind's records, saying which page of how many. */
function KindPage({ view, kind, state }: { view: KindPageView; kind: RecordKind; state: StateFilter | null }): VNode {
  const first = (view.page - 1) * PAGE_SIZE + 1;
  const last = first + view.records.length - 1;
  const position = view.total ? `Einträge ${first}–${last} von ${view.total}` : "keine Einträge";
  return (
    <>
      <h3>
        {PLURALS[kind]}
        {state ? ` (${STATE_LABELS[state]})` : ""}: Seite {view.page} von {view.pages}
      </h3>
      <p>
        {position}, zuletzt geänderte zuerst, {PAGE_SIZE} je Seite.{" "}
        <a href={listPath({ kind: null, state, page: 1 })}>Zur Übersicht aller Arten</a>
      </p>
      {view.complete ? null : <p>{INCOMPLETE}</p>}
      <Records records={view.records} caption={`${PLURALS[kind]}, Seite ${view.page} von ${view.pages}`} />
      <Paging view={view} kind={kind} state={state} />
    </>
  );
}

/** `/meine-kommune`: the signed-in editor's city, its drafts, published and archived records, and signing out. */
export function MyMunicipalityPage(props: MyMunicipalityProps): VNode {
  const { editor, municipality, kind, state, view, problem, csrf } = props;
  return (
    <Layout title={`Meine Kommune: ${municipality}`} section={null}>
      <h1>Meine Kommune: {municipality}</h1>
      <p>
        Angemeldet als <strong>{editor}</strong>.
      </p>
      <form method="post" action="/abmelden" class="sign-out">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit">Abmelden</button>{" "}
        <button type="submit" name="ueberall" value="1">
          Überall abmelden
        </button>
      </form>
      <h2>Neu anlegen</h2>
      <NewLinks />
      <h2>Einträge</h2>
      <Filters kind={kind} state={state} />
      {problem ? (
        <div class="form-error" role="alert">
          <p>{problem}</p>
          <p>
            <a href="/meine-kommune">Zur Übersicht</a>
          </p>
        </div>
      ) : null}
      {view?.mode === "overview" ? <Overview view={view} state={state} /> : null}
      {view?.mode === "kind" && kind ? <KindPage view={view} kind={kind} state={state} /> : null}
    </Layout>
  );
}
