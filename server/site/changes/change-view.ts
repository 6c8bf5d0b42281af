import { paths } from "../paths.js";
import type { Named } from "../queries.js";
import type { ChangeEntry, ChangeNode } from "./changes.query.js";

/** A change as the page and the Atom feed show it: what happened to which record, and where to read it. */
export interface ChangeView {
  /** The change's kind (`ChangeKind`), for pages that name it in another language; without it they show `kindLabel`. */
  kind?: string;
  /** The record's type (its GraphQL type name); without it pages show `typeLabel`. */
  type?: string;
  /** "Neu", "Geändert", "Nicht mehr öffentlich", "Archiviert". */
  kindLabel: string;
  /** The record's kind in German, e.g. "Projekt". */
  typeLabel: string;
  /** The record's title or name; for a record no longer public, its kind alone. */
  title: string;
  /** The record's page (or its city's, its project's, its provider's); null when it has none or is not public. */
  href: string | null;
  /** The city the record belongs to, when it belongs to one. */
  city: Named | null;
  /** A line about the record, when it has one. */
  summary: string | null;
  /** When the change was committed (ISO 8601). */
  at: string;
  /** The record's global ID and the change's kind and time: stable for the entry's lifetime. */
  key: string;
}

export const KIND_LABELS: Readonly<Record<ChangeEntry["kind"], string>> = {
  CREATED: "Neu",
  UPDATED: "Geändert",
  UNPUBLISHED: "Nicht mehr öffentlich",
  ARCHIVED: "Archiviert",
};

export const TYPE_LABELS: Readonly<Record<string, string>> = {
  BudgetLine: "Haushaltsposten",
  CostItem: "Kostenposten",
  Decision: "Beschluss",
  Engagement: "Beauftragung",
  FieldOfAction: "Handlungsfeld",
  Indicator: "Kennzahl",
  LessonLearned: "Erfahrung",
  Municipality: "Kommune",
  Product: "Produkt",
  Project: "Projekt",
  Provider: "Anbieter",
  Source: "Quelle",
  Strategy: "Strategie",
  Topic: "Thema",
  WorkingGroup: "Arbeitsgruppe",
};

/** The city a record belongs to, whichever way its type reaches it. */
function cityOf(node: ChangeNode): Named | null {
  if (node.__typename === "Municipality" && node.slug && node.name) return { slug: node.slug, name: node.name };
  return node.municipality ?? node.strategy?.municipality ?? null;
}

/** The page that shows the record: its own, else the page of what it belongs to. */
function pageOf(node: ChangeNode, city: Named | null): string | null {
  switch (node.__typename) {
    case "Project":
      return paths.project(node.slug!);
    case "Provider":
      return paths.provider(node.slug!);
    case "Topic":
      return paths.topic(node.key!);
    case "Product":
      return node.vendor ? paths.provider(node.vendor.slug) : null;
    default:
      return city ? paths.city(city.slug) : null;
  }
}

function titleOf(node: ChangeNode): string {
  if (node.__typename === "Engagement" && node.provider && node.municipality)
    return `${node.provider.name} für ${node.municipality.name}`;
  return node.title ?? node.name ?? node.label ?? TYPE_LABELS[node.__typename] ?? node.__typename;
}

function summaryOf(node: ChangeNode): string | null {
  if (node.__typename === "Municipality") return node.stateName ?? null;
  if (node.__typename === "Source") return node.publisher ?? null;
  return node.summary ?? node.description ?? null;
}

/** Shapes a change for display; a record that is not public now shows only its kind. */
export function changeView(change: ChangeEntry): ChangeView {
  const typeLabel = TYPE_LABELS[change.type] ?? change.type;
  const base = {
    kind: change.kind,
    type: change.type,
    kindLabel: KIND_LABELS[change.kind] ?? change.kind,
    typeLabel,
    at: change.at,
    key: `${change.id}/${change.kind}/${change.at}`,
  };
  if (!change.node) return { ...base, title: typeLabel, href: null, city: null, summary: null };
  const city = cityOf(change.node);
  return {
    ...base,
    title: titleOf(change.node),
    href: pageOf(change.node, city),
    city,
    summary: summaryOf(change.node),
  };
}

// Both made once: `Date#toLocaleString` with options builds a formatter per call (about 30 µs; a feed formats dozens).
const GERMAN_MOMENT = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const ENGLISH_MOMENT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A moment the German way, e.g. `05.12.2026, 14:03 Uhr` (Berlin time). */
export function formatMoment(iso: string): string {
  return `${GERMAN_MOMENT.format(new Date(iso))} Uhr`;
}

/** A moment the English way, e.g. `5 Dec 2026, 14:03 (Berlin time)`. */
export function formatMomentInEnglish(iso: string): string {
  return `${ENGLISH_MOMENT.format(new Date(iso))} (Berlin time)`;
}
