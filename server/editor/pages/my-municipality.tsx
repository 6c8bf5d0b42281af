import type { VNode } from "preact";
import { Layout } from "../../site/layout.js";
import { DAY_TIME } from "./change-value.js";
import { STATE_LABELS } from "./state-labels.js";
import { FORM_KINDS, formKindOfList, kindPath } from "../forms/form-kinds.js";
import { type EditorRecord, RECORD_KINDS, type RecordKind, STATES, type StateFilter } from "../my-records.js";

/** What "Meine Kommune" shows. */
export interface MyMunicipalityProps {
  editor: string;
  municipality: string;
  records: EditorRecord[];
  kind: RecordKind | null;
  state: StateFilter | null;
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
function Records({ records }: { records: EditorRecord[] }): VNode {
  if (!records.length) return <p>Keine Einträge mit dieser Auswahl.</p>;
  return (
    // A narrow screen scrolls the table in its own box, never the page.
    <div class="table-scroll" role="region" aria-labelledby="records-caption" tabIndex={0}>
      <table class="records">
        <caption id="records-caption">Einträge, zuletzt geänderte zuerst</caption>
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

/** `/meine-kommune`: the signed-in editor's city, its drafts, published and archived records, and signing out. */
export function MyMunicipalityPage({ editor, municipality, records, kind, state, csrf }: MyMunicipalityProps): VNode {
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
      <Records records={records} />
    </Layout>
  );
}
