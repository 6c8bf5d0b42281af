import type { VNode } from "preact";
import type { FormKind } from "../forms/form-kinds.js";
import { kindPath } from "../forms/form-kinds.js";
import type { FormValues } from "../forms/form-values.js";

/** What the banner over a preview of unsaved input needs: the form it came from, and that form's values. */
export interface PreviewBannerProps {
  kind: FormKind;
  /** The record's key; null for a new record's form. */
  recordKey: string | null;
  csrf: string;
  /** The version the form was read at; null for a new record. */
  version: number | null;
  values: FormValues;
}

/**
 * The banner over a preview of the form's unsaved input: what it is, and a form carrying the input as hidden fields
 * back to the form ("Zurück zum Formular") or straight to saving it, so nothing typed is lost.
 */
export function PreviewBanner({ kind, recordKey, csrf, version, values }: PreviewBannerProps): VNode {
  const action = recordKey ? `${kindPath(kind, recordKey)}/bearbeiten` : `${kindPath(kind)}/neu`;
  return (
    <div class="preview-banner" role="note" aria-label="Vorschau">
      <form method="post" action={action}>
        <p>
          <strong>Vorschau Ihrer Eingaben</strong>: So sieht die Öffentlichkeit diese Seite, sobald sie gespeichert und
          veröffentlicht ist. Noch ist nichts davon gespeichert.
        </p>
        <input type="hidden" name="csrf" value={csrf} />
        {version !== null ? <input type="hidden" name="version" value={String(version)} /> : null}
        {Object.entries(values).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((item, index) => (
            <input key={`${name}:${index}`} type="hidden" name={name} value={item} />
          )),
        )}
        <p class="actions">
          <button type="submit" name="aktion" value="zeigen" class="secondary">
            Zurück zum Formular
          </button>{" "}
          <button type="submit" name="aktion" value="speichern">
            {recordKey ? "Änderungen speichern" : "Als Entwurf speichern"}
          </button>
        </p>
      </form>
    </div>
  );
}
