import { CARD_LABELS, LESSON_KIND_LABELS } from "../embed/labels.js";

/** German names of the API's enum values, as pages show them; an unknown value is shown as it is. */
const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  projectStatus: CARD_LABELS.de.status,
  lessonKind: LESSON_KIND_LABELS,
  strategyStatus: {
    DRAFT: "Entwurf",
    ADOPTED: "Beschlossen",
    IN_IMPLEMENTATION: "In Umsetzung",
    SUPERSEDED: "Abgelöst",
  },
  providerKind: {
    ASSOCIATION: "Verband oder Verein",
    CONSULTANCY: "Beratung",
    MUNICIPAL_COMPANY: "Kommunales Unternehmen",
    MUNICIPAL_IT_SERVICE_PROVIDER: "Kommunaler IT-Dienstleister",
    OTHER: "Sonstige",
    SOFTWARE_VENDOR: "Softwarehersteller",
  },
  engagementRole: {
    CONSULTING: "Beratung",
    INFRASTRUCTURE: "Infrastruktur",
    IT_OPERATIONS: "IT-Betrieb",
    OTHER: "Sonstiges",
    PARTNER: "Partner",
    SOFTWARE_HOSTING: "Software-Hosting",
    SOFTWARE_SUPPLY: "Softwarelieferung",
    TRAINING: "Schulung",
  },
};

/** The German label of an enum value of one of the kinds above. */
export function label(kind: keyof typeof LABELS, value: string): string {
  const labels = LABELS[kind];
  return Object.hasOwn(labels, value) ? labels[value] : value;
}

/** A number the German way, e.g. `76.913`. */
export function formatNumber(value: number): string {
  return value.toLocaleString("de-DE");
}

/** A partial date (`2021`, `2021-08`, `2021-08-26`) the German way: `2021`, `08/2021`, `26.08.2021`. */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split("-");
  if (day) return `${day}.${month}.${year}`;
  if (month) return `${month}/${year}`;
  return year;
}

/** The API's reason prefixes for similar projects (schema/similarity), in German. */
const REASON_PREFIXES: readonly [string, string][] = [
  ["same topic: ", "gleiches Thema: "],
  ["same provider: ", "gleicher Anbieter: "],
  ["same product: ", "gleiches Produkt: "],
  ["similar wording: ", "ähnliche Wörter: "],
];

/** A similarity reason in German; a topic key becomes its label when `topicLabels` knows it. Unknown reasons stay as they are. */
export function germanReason(reason: string, topicLabels: ReadonlyMap<string, string>): string {
  for (const [english, german] of REASON_PREFIXES) {
    if (!reason.startsWith(english)) continue;
    const rest = reason.slice(english.length);
    return german + (english === "same topic: " ? (topicLabels.get(rest) ?? rest) : rest);
  }
  return reason;
}

/** "1 Projekt", "2 Projekte": a count with the singular or plural noun. */
export function counted(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
