import type { VNode } from "preact";
import type { FormValues } from "../forms/form-values.js";
import { fieldName, type KindLabels } from "../forms/labels.js";
import { BeforeAfter, ChangeValue, DAY_TIME } from "./change-value.js";

/** One field a colleague changed after the editor read the record. */
export interface ColleagueChange {
  field: string;
  actor: string;
  at: string;
  before: unknown;
  after: unknown;
}

/**
 * The conflict view: what colleagues saved since the editor opened the form, field by field, beside what the
 * editor entered. The form below keeps the editor's input and carries the new version, so saving again applies it.
 */
export function ConflictPanel({
  changes,
  values,
  labels,
}: {
  changes: ColleagueChange[];
  values: FormValues;
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
                <BeforeAfter change={change} />
                <td>
                  <ChangeValue value={values[change.field]} />
                </td>
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
