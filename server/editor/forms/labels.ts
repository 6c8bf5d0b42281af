import { BETTER_WHEN_LABELS } from "../../../schema/indicator/better-when.enum.js";
import { MESSAGES } from "../../site/i18n/messages.js";
import { STATE_LABELS } from "../pages/state-labels.js";

/** A form field's German label and help text. */
export interface FieldLabel {
  label: string;
  help?: string;
}

/** Labels of one record type that differ from FIELD_LABELS (a decision's `body` is its council body, not a text). */
export type KindLabels = Readonly<Record<string, FieldLabel>>;

/** The fields of a strategy's parts: fields of action, budget lines, indicators and an indicator's dated values. */
const STRATEGY_PART_LABELS: Readonly<Record<string, FieldLabel>> = {
  description: { label: "Beschreibung", help: "Auf Deutsch." },
  position: { label: "Stelle in der Strategie", help: "1 für das erste; leer bedeutet: nach dem letzten." },
  year: { label: "Haushaltsjahr", help: "Z. B. 2025." },
  amount: {
    label: "Betrag in Euro",
    help: "Auf den Cent genau, ohne Tausenderpunkte, z. B. „124500.00“ oder „124500,00“.",
  },
  category: { label: "Art der Ausgabe" },
  name: { label: "Was gemessen wird", help: "Auf Deutsch, z. B. „Digitalisierte Verwaltungsleistungen“." },
  unit: { label: "Einheit", help: "Die Einheit aller Werte, z. B. „Prozesse“ oder „Prozent“." },
  betterWhen: { label: "Besser ist", help: "Welche Richtung der Zahl die bessere ist, soweit die Quellen es sagen." },
  definition: { label: "Definition", help: "Was genau gezählt oder gemessen wird, auf Deutsch." },
  values: {
    label: "Werte",
    help: "Eine Zeile je Stichtag, mindestens eine. Leere Zeilen werden nicht gespeichert; eine Zeile mit „Entfernen“ wird beim Speichern gelöscht.",
  },
  "values.value": {
    label: "Wert",
    help: "Eine Zahl in der Einheit der Kennzahl, ohne Tausenderpunkte, z. B. „42“ oder „12,5“.",
  },
  "values.asOf": { label: "Stichtag", help: "„2023“, „2023-12“ oder „2023-12-31“; ein Wert je Stichtag." },
  "values.note": { label: "Anmerkung zum Wert", help: "Z. B. wie die Quelle gezählt hat." },
  "values.sources": { label: "Quellen des Werts", help: "Woher der Wert stammt. Mehrere mit Strg bzw. ⌘ wählen." },
};

/**
 * German labels and help texts of the input fields, by the API's field name (the same field means the same on
 * every record type; a field of a repeatable group's rows as `group.field`, e.g. `costs.amount`, since a row's
 * `kind` or `sources` means something else than the record's). A field without an entry here is shown with its API name and description; the forms'
 * test requires an entry for every field a form shows.
 */
export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  title: { label: "Titel", help: "Auf Deutsch, kurz und eindeutig." },
  slug: {
    label: "Kurzname in der Adresse",
    help: "Kleinbuchstaben, Ziffern und Bindestriche, beginnend mit dem Kurznamen Ihrer Kommune und einem Bindestrich, z. B. „herten-kita-online“. Kann später nicht geändert werden.",
  },
  key: {
    label: "Schlüssel",
    help: "Damit zitieren Einträge die Quelle, z. B. „herten-ratsvorlage-2023-141“; beginnt mit dem Kurznamen Ihrer Kommune. Kann später nicht geändert werden.",
  },
  summary: { label: "Zusammenfassung", help: "In eigenen Worten, auf Deutsch." },
  body: { label: "Erfahrung im Wortlaut", help: "In eigenen Worten, auf Deutsch." },
  vision: { label: "Leitbild oder Motto" },
  kind: { label: "Art der Erfahrung" },
  status: { label: "Stand" },
  statusAsOf: {
    label: "Stand laut Quelle vom",
    help: "Das Datum, für das die Quelle den Stand angibt: „2018“, „2018-11“ oder „2018-11-22“; nicht in der Zukunft.",
  },
  startedOn: { label: "Begonnen", help: "„2021“, „2021-08“ oder „2021-08-26“." },
  plannedEndOn: { label: "Geplantes Ende", help: "„2026“, „2026-06“ oder „2026-06-30“." },
  completedOn: { label: "Abgeschlossen", help: "„2024“, „2024-03“ oder „2024-03-31“." },
  adoptedOn: {
    label: "Beschlossen am",
    help: "Wann der Rat sie beschlossen hat oder sie in Kraft trat, z. B. „2020-12“.",
  },
  presentedOn: { label: "Vorgestellt am", help: "Wann sie Rat oder Öffentlichkeit vorgestellt wurde." },
  horizon: { label: "Zieljahr", help: "Das Jahr, auf das die Strategie blickt, z. B. 2030." },
  publishedOn: { label: "Veröffentlicht am", help: "So genau wie bekannt: „2023“, „2023-05“ oder „2023-05-17“." },
  author: { label: "Verfasst von" },
  publisher: { label: "Herausgegeben von", help: "Z. B. „Stadt Herten“ oder eine Zeitung." },
  url: { label: "Adresse im Netz", help: "Beginnt mit http:// oder https://." },
  note: { label: "Redaktionelle Anmerkung", help: "Z. B. wo die Quellen unklar sind." },
  strategy: { label: "Gehört zur Strategie", help: "Eine Strategie Ihrer Kommune, oder keine." },
  fieldOfAction: { label: "Handlungsfeld", help: "Ein Handlungsfeld der gewählten Strategie, oder keines." },
  project: { label: "Gelernt im Projekt", help: "Ein Projekt Ihrer Kommune, oder keines." },
  topics: {
    label: "Themen",
    help: "Mindestens eines zum Veröffentlichen. Mehrere mit Strg bzw. ⌘ wählen; Tippen springt zum Eintrag.",
  },
  providers: { label: "Beteiligte Anbieter", help: "Mehrere mit Strg bzw. ⌘ wählen." },
  products: { label: "Eingesetzte Software", help: "Mehrere mit Strg bzw. ⌘ wählen." },
  replacedProducts: { label: "Abgelöste Software", help: "Software, die das Projekt ersetzt." },
  partners: { label: "Partnerkommunen", help: "Kommunen, die mitmachen. Mehrere mit Strg bzw. ⌘ wählen." },
  consultants: { label: "Beratung", help: "Beratungsunternehmen, die an der Strategie mitgeschrieben haben." },
  decisions: {
    label: "Ratsbeschlüsse",
    help: "Beschlüsse Ihrer Kommune, die die Strategie getragen haben. Mehrere mit Strg bzw. ⌘ wählen; neue legen Sie unter „Neuer Beschluss“ an.",
  },
  sources: {
    label: "Quellen",
    help: "Woher die Angaben stammen; zum Veröffentlichen mindestens eine veröffentlichte Quelle. Neue Quellen legen Sie unter „Neue Quelle“ an.",
  },
  costs: {
    label: "Kosten",
    help: "Eine Zeile je Betrag, in der Reihenfolge der Quelle. Leere Zeilen werden nicht gespeichert; eine Zeile mit „Entfernen“ wird beim Speichern gelöscht.",
  },
  "costs.amount": {
    label: "Betrag",
    help: "Auf den Cent genau, ohne Tausenderpunkte, z. B. „124500.00“ oder „124500,00“; negativ nur bei einer Differenz (Einsparung).",
  },
  "costs.currency": { label: "Währung", help: "Drei Großbuchstaben nach ISO 4217, z. B. „EUR“; leer bedeutet Euro." },
  "costs.kind": {
    label: "Art des Betrags",
    help: "Kosten des Projekts (ohne Angabe), ein Vergleichswert oder eine Differenz (Einsparung).",
  },
  "costs.period": { label: "Zeitraum", help: "Wofür der Betrag gilt: einmalig, jährlich, monatlich oder gesamt." },
  "costs.description": { label: "Wofür", help: "Auf Deutsch, z. B. „Lizenzen für drei Jahre“." },
  "costs.note": { label: "Anmerkung zum Betrag", help: "Z. B. wo die Zahl in der Quelle nicht aufgeht." },
  "costs.sources": { label: "Quellen des Betrags", help: "Woher der Betrag stammt. Mehrere mit Strg bzw. ⌘ wählen." },
  ...STRATEGY_PART_LABELS,
};

// Council decisions and engagements (issue 14): their fields' labels, used by their form kinds only.

/** A council decision's fields, as its form names them. */
export const DECISION_LABELS: KindLabels = {
  title: { label: "Betreff", help: "Der Betreff der Vorlage oder des Antrags, wie gedruckt." },
  key: {
    label: "Schlüssel",
    help: "Eindeutig in Ihrer Kommune, aus Vorlage, Gremium und Datum, z. B. „18-203-rat-2018-11-28“: Kleinbuchstaben, Ziffern und Bindestriche. Kann später nicht geändert werden.",
  },
  reference: { label: "Drucksachennummer", help: "Wie auf der Vorlage gedruckt, z. B. „20/281“." },
  body: { label: "Gremium", help: "Rat oder Ausschuss, der die Vorlage behandelt hat, z. B. „Rat der Stadt Herten“." },
  date: { label: "Sitzungsdatum", help: "So genau wie bekannt: „2018“, „2018-11“ oder „2018-11-28“." },
  outcome: { label: "Ergebnis", help: "Was das Gremium mit der Vorlage getan hat." },
  description: { label: "Was beschlossen wurde", help: "In eigenen Worten, auf Deutsch." },
  sources: {
    label: "Quellen",
    help: "Z. B. die Vorlage oder die Niederschrift; zum Veröffentlichen mindestens eine veröffentlichte Quelle.",
  },
};

/** An engagement's fields (a provider's role for the city), as its form names them. */
export const ENGAGEMENT_LABELS: KindLabels = {
  provider: {
    label: "Anbieter",
    help: "Tippen springt zum Eintrag. Fehlt ein Anbieter, legt ihn der Betrieb des Hubs an.",
  },
  role: { label: "Rolle", help: "Was der Anbieter für Ihre Kommune ist; je Anbieter und Rolle ein Eintrag." },
  since: { label: "Seit", help: "So genau wie bekannt: „2018“, „2018-04“ oder „2018-04-01“." },
  description: { label: "Was der Anbieter tut", help: "Auf Deutsch, in eigenen Worten." },
};

/** German names of enum values the site's label tables do not hold, by the enum's name. */
const EDITOR_ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  BetterWhen: BETTER_WHEN_LABELS,
  PublicationState: STATE_LABELS,
};

/**
 * Labels of fields that a record's revisions hold but its forms do not (the history names them): its city, its state
 * of publication, and an indicator's copy of its latest value.
 */
const REVISION_LABELS: Readonly<Record<string, FieldLabel>> = {
  municipality: { label: "Kommune" },
  publicationState: { label: "Veröffentlichung" },
  value: { label: "Letzter Wert" },
  asOf: { label: "Stichtag des letzten Werts" },
};

/** The enum types of the fields only revisions hold (REVISION_LABELS), by field name. */
export const REVISION_ENUMS: Readonly<Record<string, string>> = { publicationState: "PublicationState" };

/**
 * The German label of an enum value: the site's label tables (by the enum's name), else the editor's own, else the
 * API's description.
 */
export function enumLabel(enumType: string, value: string, description: string): string {
  const table = MESSAGES.de.enums[(enumType[0].toLowerCase() + enumType.slice(1)) as keyof typeof MESSAGES.de.enums];
  const label =
    (table as Readonly<Record<string, string>> | undefined)?.[value] ?? EDITOR_ENUM_LABELS[enumType]?.[value];
  return label ?? (description || value);
}

/** The label and help of a field (or `group.field`) on a record type with `own` labels: its own, else the shared one. */
export function labelOf(key: string, own?: KindLabels): FieldLabel | undefined {
  return own?.[key] ?? FIELD_LABELS[key];
}

/**
 * The German name of a field for messages and the conflict and history views; a row's field (`costs[1].amount`)
 * with its group and row: "Kosten, Zeile 2: Betrag".
 */
export function fieldName(field: string, own?: KindLabels): string {
  const row = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (row) return `${fieldName(row[1], own)}, Zeile ${Number(row[2]) + 1}: ${fieldName(`${row[1]}.${row[3]}`, own)}`;
  return labelOf(field, own)?.label ?? REVISION_LABELS[field]?.label ?? field;
}
