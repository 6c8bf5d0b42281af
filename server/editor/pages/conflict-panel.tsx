import type { VNode } from "preact";
import { type FormValues, isHiddenRowField, REMOVE_ROW, rowKey, rowsIn } from "../forms/form-values.js";
import type { InputField } from "../forms/input-fields.js";
import { fieldName, type KindLabels } from "../forms/labels.js";
import { BeforeAfter, ChangeValue, DAY_TIME, readable, rowText } from "./change-value.js";

/** One field a colleague changed after the editor read the record. */
export interface ColleagueChange {
  field: string;
  actor: string;
  at: string;
  before: unknown;
  after: unknown;
}

/** The editor's rows of a repeatable group as posted: removed and blank rows left out. */
function rowsOfValues(values: FormValues, group: InputField): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < rowsIn(values, group.name); index++) {
    if (values[rowKey(group.name, index, REMOVE_ROW)]) continue;
    const row = Object.fromEntries(
      group.rowFields.map((sub) => [sub.name, values[rowKey(group.name, index, sub.name)]]),
    );
    if (
      group.rowFields.some((sub) => !isHiddenRowField(sub) && readable(row[sub.name], { name: sub.name, field: sub }))
    )
      rows.push(row);
  }
  return rows;
}

/** The rows of a repeatable group (a revision's or the editor's) in a cell: one list item per row, "(keine)" when none. */
function RowsCell({ group, rows }: { group: InputField; rows: unknown }): VNode {
  const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  return (
    <td>
      {list.length ? (
        <ol class="row-list">
          {list.map((row, index) => (
            <li key={index}>{rowText(group, row)}</li>
          ))}
        </ol>
      ) : (
        <em>(keine)</em>
      )}
    </td>
  );
}

/** The three value cells of one change: before, saved now, and the editor's input; rows of a group as lists. */
function ChangeCells({
  change,
  values,
  fields,
}: {
  change: ColleagueChange;
  values: FormValues;
  fields: readonly InputField[];
}) {
  const field = fields.find((candidate) => candidate.name === change.field);
  const group = field?.shape === "rows" ? field : null;
  if (!group)
    return (
      <>
        <BeforeAfter change={change} of={{ name: change.field, field }} />
        <td>
          <ChangeValue value={values[change.field]} of={{ name: change.field, field }} />
        </td>
      </>
    );
  return (
    <>
      <RowsCell group={group} rows={change.before} />
      <RowsCell group={group} rows={change.after} />
      <RowsCell group={group} rows={rowsOfValues(values, group)} />
    </>
  );
}

/**
 * The conflict view: what colleagues saved since the editor opened the form, field by field, beside what the
 * editor entered (a repeatable group, such as a project's costs, row by row). The form below keeps the editor's
 * input and carries the new version, so saving again applies it.
 */
export function ConflictPanel({
  changes,
  values,
  fields,
  labels,
}: {
  changes: ColleagueChange[];
  values: FormValues;
  fields: readonly InputField[];
  labels?: KindLabels;
}): VNode {
  return (
    <section class="conflict notice" aria-labelledby="konflikt">
      <h2 id="konflikt">Inzwischen hat jemand anderes gespeichert</h2>
      <p>
        Ihre Eingaben sind noch nicht gespeichert. Vergleichen Sie sie mit den Änderungen der Kollegin oder des
        Kollegen. Mit „Meine Eingaben erneut speichern“ überschreiben Ihre Eingaben den neuen Stand; Felder, die Sie
        ändern, ändern Sie vorher im Formular.
      </p>
      <div class="table-scroll" role="region" aria-labelledby="konflikt-caption" tabIndex={0}>
        <table class="records diff">
          <caption id="konflikt-caption">Änderungen seit Ihrem Stand</caption>
          <thead>
            <tr>
              <th scope="col">Feld</th>
              <th scope="col">Vorher</th>
              <th scope="col">Jetzt gespeichert</th>
              <th scope="col">Ihre Eingabe</th>
              <th scope="col">Von, wann</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change, index) => (
              <tr key={index}>
                <th scope="row">{fieldName(change.field, labels)}</th>
                <ChangeCells change={change} values={values} fields={fields} />
                <td>
                  {change.actor}, <time dateTime={change.at}>{DAY_TIME.format(new Date(change.at))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
