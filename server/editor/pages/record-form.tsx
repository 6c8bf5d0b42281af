import { Fragment, type VNode } from "preact";
import { Layout } from "../../site/layout.js";
import { type Choice, type ChoiceSet, type Choices, type PickerSearch, searchNoun } from "../forms/choices.js";
import type { FieldErrors } from "../forms/field-errors.js";
import { type ChoiceList, type FormKind, kindPath } from "../forms/form-kinds.js";
import { type FormValues, isHiddenRowField, REMOVE_ROW, rowKey, TYPED_KEYS } from "../forms/form-values.js";
import type { InputField } from "../forms/input-fields.js";
import { enumLabel, fieldName, labelOf } from "../forms/labels.js";
import { type ColleagueChange, ConflictPanel } from "./conflict-panel.js";
import { STATE_LABELS } from "./state-labels.js";

/** What a record's form shows. */
export interface RecordFormProps {
  kind: FormKind;
  /** The record's slug or key once it exists; null on the "new" form. */
  recordKey: string | null;
  title: string | null;
  publicationState: string | null;
  fields: InputField[];
  values: FormValues;
  errors: FieldErrors;
  choices: Choices;
  /** Rows shown per repeatable group (filled ones and blank ones to add). */
  rows: Record<string, number>;
  csrf: string;
  /** The version the form was read at (sent back as the version the editor saw). */
  version: number | null;
  notice?: string | null;
  /** A colleague's changes since the editor's version: the conflict view. */
  conflict?: ColleagueChange[] | null;
  /** What the kind shows below a saved record's form (FormKind.related). */
  related?: VNode | null;
  /** What a picker's search found, shown at its search line. */
  search?: PickerSearch | null;
}

/** Fields holding running text: a text area rather than a line (a row's field as `group.field`). */
const LONG_TEXT = new Set(["summary", "body", "note", "vision", "description", "definition", "costs.note"]);

/** The HTML id of a form field: `feld-values-2-year` for `values[2].year`. */
export function fieldId(key: string): string {
  return `feld-${key.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
}

interface FieldProps {
  field: InputField;
  /** The key in the form: the field's name, or `group[i].name` in a row. */
  name: string;
  /** The key of its label and picker: the field's name, or `group.name` in a row (FIELD_LABELS, FormKind.choices). */
  labelKey?: string;
  values: FormValues;
  errors: FieldErrors;
  choices: Choices;
  kind: FormKind;
}

/** The label, help and error lines of one field, and the attributes that tie them to its control. */
function useDescribed({
  field,
  name,
  labelKey,
  errors,
  kind,
}: Pick<FieldProps, "field" | "name" | "labelKey" | "errors" | "kind">) {
  const id = fieldId(name);
  const text = labelOf(labelKey ?? field.name, kind.labels) ?? { label: field.name, help: field.description };
  const messages = errors.byField[name] ?? [];
  const describedBy = [messages.length ? `${id}-fehler` : null, text.help ? `${id}-hilfe` : null]
    .filter(Boolean)
    .join(" ");
  const label = (
    <label for={id}>
      {text.label}
      {field.required ? " (Pflichtangabe)" : ""}
    </label>
  );
  const lines = (
    <>
      {messages.length ? (
        <span id={`${id}-fehler`} class="field-error">
          {messages.join(" ")}
        </span>
      ) : null}
      {text.help ? (
        <span id={`${id}-hilfe`} class="hint">
          {text.help}
        </span>
      ) : null}
    </>
  );
  const control = {
    id,
    name,
    "aria-invalid": messages.length ? ("true" as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
  return { label, lines, control };
}

/** The options of a picker; a value the list does not hold (kept from the editor's input) is offered as it is. */
function optionsOf(list: Choice[], selected: string[]): Choice[] {
  const known = new Set(list.map((choice) => choice.value));
  return [...list, ...selected.filter((value) => value && !known.has(value)).map((value) => ({ value, label: value }))];
}

function enumChoices(field: InputField): Choice[] {
  return field.values.map((value) => ({
    value: value.name,
    label: enumLabel(field.type, value.name, value.description),
  }));
}

/** The id of the suggestions of a long picker's list (one `<datalist>` per list and form). */
const suggestionsId = (list: ChoiceList) => `vorschlaege-${list}`;

/** The help under a long picker's line: what to type there. */
const TYPE_A_KEY = {
  one: "Es gibt mehr als 100 Einträge: die Kennung eintippen; beim Tippen von Kennung oder Name erscheinen Vorschläge.",
  more: "Nicht in der Auswahl? Sie zeigt nur die ersten 100 Einträge: weitere Kennungen hier eintippen, mehrere durch Komma getrennt; beim Tippen von Kennung oder Name erscheinen Vorschläge.",
};

/**
 * The line beside a long picker's multiple select where keys beyond its first 100 entries are typed, with the
 * list's suggestions (type-ahead in the browser, no JavaScript); posted as `weitere.<name>`.
 */
function TypedKeys(props: { name: string; label: string; list: ChoiceList; invalid: boolean }): VNode {
  const { name, label, list, invalid } = props;
  const id = `${fieldId(name)}-weitere`;
  const describedBy = [invalid ? `${fieldId(name)}-fehler` : null, `${id}-hilfe`].filter(Boolean).join(" ");
  return (
    <>
      <label for={id}>Weitere: {label}</label>
      <span id={`${id}-hilfe`} class="hint">
        {TYPE_A_KEY.more}
      </span>
      <input
        id={id}
        name={TYPED_KEYS + name}
        type="text"
        list={suggestionsId(list)}
        aria-describedby={describedBy}
        aria-invalid={invalid ? "true" : undefined}
        autocomplete="off"
        spellcheck={false}
        class="wide-field"
      />
    </>
  );
}

/** A single-valued picker of a long list: a line taking any key, with the list's first 100 as suggestions. */
function SuggestedLine(props: FieldProps & { list: ChoiceList; text: string }): VNode {
  const { name, list, text } = props;
  const { label, lines, control } = useDescribed(props);
  const hint = `${fieldId(name)}-weitere-hilfe`;
  const describedBy = [control["aria-describedby"], hint].filter(Boolean).join(" ");
  return (
    <p class="field">
      {label}
      {lines}
      <span id={hint} class="hint">
        {TYPE_A_KEY.one}
      </span>
      <input
        {...control}
        aria-describedby={describedBy}
        type="text"
        value={text}
        list={suggestionsId(list)}
        autocomplete="off"
        spellcheck={false}
        class="wide-field"
      />
    </p>
  );
}

/** A multiple choice: a select of the list (or the enum's values), and for a long list the line for further keys. */
function MultipleSelect(props: FieldProps & { list: Choice[] | null; long: ChoiceList | null }): VNode {
  const { field, name, labelKey = field.name, values, list, long } = props;
  const { label, lines, control } = useDescribed(props);
  const value = values[name];
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const options = optionsOf(list ?? enumChoices(field), selected);
  return (
    <p class="field">
      {label}
      {lines}
      <select {...control} multiple size={Math.min(8, Math.max(3, options.length))} class="wide-field">
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={selected.includes(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      {long ? (
        <TypedKeys
          name={name}
          label={labelOf(labelKey, props.kind.labels)?.label ?? field.name}
          list={long}
          invalid={!!control["aria-invalid"]}
        />
      ) : null}
    </p>
  );
}

/** One field of a form, by its shape: a line, a text area, a select, a multiple select, or a line with suggestions. */
function Field(props: FieldProps): VNode {
  const { field, name, labelKey = field.name, values, choices, kind } = props;
  const { label, lines, control } = useDescribed(props);
  const value = values[name];
  const listName = kind.choices[labelKey];
  const set: ChoiceSet | null = listName ? (choices[listName] ?? { options: [], complete: true }) : null;
  const list = set?.options ?? null;
  const long = listName && set && !set.complete ? listName : null;
  if (field.shape === "list") return <MultipleSelect {...props} list={list} long={long} />;
  const text = typeof value === "string" ? value : "";
  if (long) return <SuggestedLine {...props} list={long} text={text} />;
  if (field.shape === "enum" || list) {
    const options = optionsOf(list ?? enumChoices(field), [text]);
    return (
      <p class="field">
        {label}
        {lines}
        <select {...control} class="wide-field">
          <option value="">{field.required ? "Bitte wählen" : "– keine Angabe –"}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === text}>
              {option.label}
            </option>
          ))}
        </select>
      </p>
    );
  }
  return (
    <p class="field">
      {label}
      {lines}
      {LONG_TEXT.has(labelKey) && !kind.oneLine?.includes(labelKey) ? (
        <textarea {...control} rows={labelKey === field.name ? 5 : 3} class="wide-field">
          {text}
        </textarea>
      ) : (
        <input {...control} type="text" value={text} class="wide-field" spellcheck={field.type === "String"} />
      )}
    </p>
  );
}

/** The suggestions of each long picker list the form uses, once per list: the first 100 entries. */
function Suggestions({ kind, choices }: Pick<RecordFormProps, "kind" | "choices">): VNode {
  const lists = [...new Set(Object.values(kind.choices))].filter((list) => choices[list]?.complete === false);
  return (
    <>
      {lists.map((list) => (
        <datalist key={list} id={suggestionsId(list)}>
          {choices[list]!.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      ))}
    </>
  );
}

/** The HTML id of a list's search line: `suche-sources`. */
const searchId = (list: ChoiceList) => `suche-${list}`;

/**
 * The lists the form can search, each at the field after which its search line stands: the first field that picks
 * from it, a record's own field before a row's (a project's sources before its costs' sources).
 */
function searchPlaces(kind: FormKind, fields: readonly InputField[], choices: Choices): Map<string, ChoiceList[]> {
  const places = new Map<string, ChoiceList[]>();
  const placed = new Set<ChoiceList>();
  const place = (field: string, list: ChoiceList | undefined) => {
    if (!list || placed.has(list) || !searchNoun(list) || choices[list]?.complete !== false) return;
    placed.add(list);
    places.set(field, [...(places.get(field) ?? []), list]);
  };
  for (const field of fields) place(field.name, kind.choices[field.name]);
  for (const field of fields)
    for (const sub of field.rowFields) place(field.name, kind.choices[`${field.name}.${sub.name}`]);
  return places;
}

/**
 * The search line of a long list ("Quelle suchen"): a text and a button of the form itself, so that the editor's
 * input is kept; the hits are listed with their keys and offered in the list's pickers.
 */
function SearchLine({ list, search }: { list: ChoiceList; search: PickerSearch | null }): VNode {
  const noun = searchNoun(list)!;
  const id = searchId(list);
  const mine = search?.list === list ? search : null;
  const describedBy = [mine?.problem ? `${id}-fehler` : null, `${id}-hilfe`].filter(Boolean).join(" ");
  return (
    <div class="field picker-search">
      <label for={id}>{noun} suchen</label>
      {mine?.problem ? (
        <span id={`${id}-fehler`} class="field-error">
          {mine.problem}
        </span>
      ) : null}
      <span id={`${id}-hilfe`} class="hint">
        Ein Teil des Namens oder der Kennung. Die Treffer stehen dann in der Auswahl; Ihre übrigen Eingaben bleiben
        erhalten.
      </span>
      <input
        id={id}
        name={`suche.${list}`}
        type="search"
        value={mine?.text ?? ""}
        aria-describedby={describedBy}
        aria-invalid={mine?.problem ? "true" : undefined}
        autocomplete="off"
        class="wide-field"
      />{" "}
      <button type="submit" name="aktion" value={`suchen:${list}`} class="secondary" formnovalidate>
        {noun} suchen
      </button>
      {mine && !mine.problem ? <SearchHits search={mine} /> : null}
    </div>
  );
}

/** A search's hits, each with its key (to choose in the list, or to type). */
function SearchHits({ search }: { search: PickerSearch }): VNode {
  const count = search.found.length;
  return (
    <div role="status" class="search-hits">
      <p>
        {count === 0
          ? `Keine Treffer für „${search.text.trim()}“.`
          : `${search.more ? `Die ersten ${count}` : count === 1 ? "Ein" : count} Treffer für „${search.text.trim()}“, zum Auswählen oben in der Liste:`}
      </p>
      {count ? (
        <ul>
          {search.found.map((hit) => (
            <li key={hit.value}>
              {hit.label} – Kennung: <code>{hit.value}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The checkbox that removes a row when the form is saved. */
function RemoveRow({ group, index, values }: { group: string; index: number; values: FormValues }): VNode {
  const name = rowKey(group, index, REMOVE_ROW);
  return (
    <p class="field remove-row">
      <input type="checkbox" id={fieldId(name)} name={name} value="ja" checked={!!values[name]} />{" "}
      <label for={fieldId(name)}>Entfernen</label>
    </p>
  );
}

/** One row of a repeatable group: its fields, its hidden item ID, and the checkbox that removes it. */
function Row(props: Omit<FieldProps, "name"> & { index: number }): VNode {
  const { field, index, values } = props;
  return (
    <>
      {field.rowFields.map((sub) => {
        const name = rowKey(field.name, index, sub.name);
        return isHiddenRowField(sub) ? (
          <input key={sub.name} type="hidden" name={name} value={String(values[name] ?? "")} />
        ) : (
          <Field key={sub.name} {...props} field={sub} name={name} labelKey={`${field.name}.${sub.name}`} />
        );
      })}
      <RemoveRow group={field.name} index={index} values={values} />
    </>
  );
}

/**
 * A repeatable group (e.g. a project's costs): one fieldset per row, and a button that adds a row without
 * JavaScript. Rows are keyed by their place in the form, as their fields' names are.
 */
function Rows(props: Omit<FieldProps, "name"> & { count: number }): VNode {
  const { field, count, kind } = props;
  const text = labelOf(field.name, kind.labels) ?? { label: field.name, help: field.description };
  return (
    <fieldset class="form-rows" id={fieldId(field.name)}>
      <legend>{text.label}</legend>
      {text.help ? <p class="hint">{text.help}</p> : null}
      <input type="hidden" name={`zeilen.${field.name}`} value={String(count)} />
      {Array.from({ length: count }, (_, index) => (
        <fieldset key={index} class="form-row">
          <legend>
            {text.label}: Zeile {index + 1}
          </legend>
          <Row {...props} index={index} />
        </fieldset>
      ))}
      <button type="submit" name="aktion" value={`zeile:${field.name}`} class="secondary">
        Weitere Zeile für „{text.label}“
      </button>
    </fieldset>
  );
}

/** Every problem of the last submit, linked to its field, at the top of the form. */
export function ErrorSummary({ errors, kind }: { errors: FieldErrors; kind?: FormKind }): VNode | null {
  const entries = Object.entries(errors.byField);
  const count = entries.reduce((sum, [, messages]) => sum + messages.length, 0) + errors.general.length;
  if (!count) return null;
  return (
    <div class="form-error" id="fehler" role="alert" tabIndex={-1}>
      <h2>{count === 1 ? "Eine Angabe ist zu prüfen" : `${count} Angaben sind zu prüfen`}</h2>
      <ul>
        {errors.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {entries.flatMap(([key, messages]) =>
          messages.map((message) => (
            <li key={key + message}>
              <a href={`#${fieldId(key)}`}>{fieldName(key, kind?.labels)}</a>: {message}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/** Publish, take back, archive: each a POST of its own with the version the editor saw. */
function StateActions({ kind, recordKey, publicationState, csrf, version }: RecordFormProps): VNode | null {
  if (!recordKey || version === null || publicationState === "ARCHIVED") return null;
  return (
    <form method="post" action={`${kindPath(kind, recordKey)}/stand`} class="filter-form state-actions">
      <h2>Veröffentlichung</h2>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="version" value={String(version)} />
      <p class="actions">
        {publicationState === "PUBLISHED" ? (
          <button type="submit" name="aktion" value="zurueckziehen">
            Zurückziehen (wieder Entwurf)
          </button>
        ) : (
          <button type="submit" name="aktion" value="veroeffentlichen">
            Veröffentlichen
          </button>
        )}{" "}
        <button type="submit" name="aktion" value="archivieren" class="secondary">
          Archivieren
        </button>
      </p>
      <p class="hint">
        Archivierte Einträge bleiben mit ihrem Verlauf erhalten, sind öffentlich nicht mehr sichtbar und können nicht
        mehr geändert werden.
      </p>
    </form>
  );
}

/** A saved record's state and the ways to its preview, history and public page. */
function RecordLinks({ kind, recordKey, publicationState }: RecordFormProps): VNode | null {
  if (!recordKey) return null;
  return (
    <p>
      Stand: <strong>{STATE_LABELS[publicationState ?? ""] ?? publicationState}</strong>
      {" · "}
      {kind.preview ? (
        <>
          <a href={`${kindPath(kind, recordKey)}/vorschau`}>Vorschau</a>
          {" · "}
        </>
      ) : null}
      <a href={`${kindPath(kind, recordKey)}/verlauf`}>Verlauf</a>
      {publicationState === "PUBLISHED" && kind.publicPath ? (
        <>
          {" · "}
          <a href={kind.publicPath(recordKey)}>Öffentliche Seite</a>
        </>
      ) : null}
    </p>
  );
}

/** The form's fields in order, each long list's search line after the first field that picks from it. */
function FormFields(props: RecordFormProps): VNode {
  const { kind, fields, rows } = props;
  const searches = searchPlaces(kind, fields, props.choices);
  return (
    <>
      {searches.size ? (
        // The default button (Enter in a line presses the form's first one): it searches the list whose search line
        // holds text, else only redraws, rather than pressing the first list's search or a row's button.
        <button type="submit" name="aktion" value="suchen:" hidden>
          Suchen
        </button>
      ) : null}
      {fields.map((field) => (
        <Fragment key={field.name}>
          {field.shape === "rows" ? (
            <Rows {...props} field={field} count={rows[field.name] ?? 1} />
          ) : (
            <Field {...props} field={field} name={field.name} />
          )}
          {(searches.get(field.name) ?? []).map((list) => (
            <SearchLine key={list} list={list} search={props.search ?? null} />
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** The form of one record: create or edit, every field derived from the API's input type. */
export function RecordFormPage(props: RecordFormProps): VNode {
  const { kind, recordKey, title, fields, values, errors, csrf, version, notice, conflict } = props;
  const heading = recordKey ? `${kind.noun} bearbeiten: ${title ?? recordKey}` : kind.newHeading;
  const hasErrors = Object.keys(errors.byField).length + errors.general.length > 0;
  return (
    <Layout title={hasErrors ? `Fehler: ${heading}` : heading} section={null}>
      <p class="breadcrumb">
        <a href="/meine-kommune">Meine Kommune</a>
      </p>
      <h1>{heading}</h1>
      <RecordLinks {...props} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} kind={kind} />
      {conflict ? <ConflictPanel changes={conflict} values={values} fields={fields} labels={kind.labels} /> : null}
      <form
        method="post"
        action={recordKey ? `${kindPath(kind, recordKey)}/bearbeiten` : `${kindPath(kind)}/neu`}
        class="filter-form record-form"
        novalidate
      >
        <input type="hidden" name="csrf" value={csrf} />
        {version !== null ? <input type="hidden" name="version" value={String(version)} /> : null}
        <FormFields {...props} />
        <Suggestions kind={kind} choices={props.choices} />
        <p class="actions">
          <button type="submit" name="aktion" value="speichern">
            {conflict
              ? "Meine Eingaben erneut speichern"
              : recordKey
                ? "Änderungen speichern"
                : "Als Entwurf speichern"}
          </button>
          {kind.preview ? (
            <>
              {" "}
              <button type="submit" name="aktion" value="vorschau" class="secondary">
                Vorschau meiner Eingaben
              </button>
            </>
          ) : null}
        </p>
      </form>
      <StateActions {...props} />
      {props.related ?? null}
    </Layout>
  );
}
