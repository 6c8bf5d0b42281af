import type { VNode } from "preact";
import { Layout } from "../../site/layout.js";
import type { FormKind } from "../forms/form-kinds.js";
import { fieldName, type KindLabels } from "../forms/labels.js";
import { kindPath } from "../forms/form-kinds.js";
import type { InputField } from "../forms/input-fields.js";
import { BeforeAfter, DAY_TIME } from "./change-value.js";

/** One revision of a record as the API gives it. */
export interface Revision {
  action: string;
  actor: string;
  at: string;
  version: number | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

const ACTIONS: Readonly<Record<string, string>> = {
  CREATED: "Angelegt",
  UPDATED: "Geändert",
  PUBLISHED: "Veröffentlicht",
  UNPUBLISHED: "Zurückgezogen",
  ARCHIVED: "Archiviert",
};

/** One revision: what it did, who and when, and each changed field before and after. */
function RevisionItem({
  revision,
  index,
  labels,
  fields,
}: {
  revision: Revision;
  index: number;
  labels?: KindLabels;
  fields: readonly InputField[];
}): VNode {
  return (
    <li>
      <h2>
        {ACTIONS[revision.action] ?? revision.action}
        {revision.version !== null ? ` (Version ${revision.version})` : ""}
      </h2>
      <p>
        von <strong>{revision.actor}</strong> am{" "}
        <time dateTime={revision.at}>{DAY_TIME.format(new Date(revision.at))}</time>
      </p>
      {revision.changes.length ? (
        <div
          class="table-scroll"
          role="region"
          aria-label={`Änderungen von Version ${revision.version ?? index}`}
          tabIndex={0}
        >
          <table class="records diff">
            <thead>
              <tr>
                <th scope="col">Feld</th>
                <th scope="col">Vorher</th>
                <th scope="col">Nachher</th>
              </tr>
            </thead>
            <tbody>
              {revision.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{fieldName(change.field, labels)}</th>
                  <BeforeAfter
                    change={change}
                    of={{ name: change.field, field: fields.find((field) => field.name === change.field), labels }}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}

/** `/meine-kommune/…/:key/verlauf`: every write to the record, newest first, who made it, and each field before and after. */
export function HistoryPage({
  kind,
  recordKey,
  title,
  revisions,
  fields,
}: {
  kind: FormKind;
  recordKey: string;
  title: string;
  revisions: Revision[];
  /** The fields of the kind's forms (create and edit), which say how each changed value reads. */
  fields: readonly InputField[];
}): VNode {
  const heading = `Verlauf: ${title}`;
  return (
    <Layout title={heading} section={null}>
      <p class="breadcrumb">
        <a href="/meine-kommune">Meine Kommune</a> › <a href={`${kindPath(kind, recordKey)}/bearbeiten`}>{title}</a>
      </p>
      <h1>{heading}</h1>
      {revisions.length ? null : <p>Noch keine Änderungen.</p>}
      <ol class="history" reversed>
        {revisions.map((revision, index) => (
          <RevisionItem key={index} revision={revision} index={index} labels={kind.labels} fields={fields} />
        ))}
      </ol>
    </Layout>
  );
}
