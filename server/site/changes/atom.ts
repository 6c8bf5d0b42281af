import { shortenSummary } from "../../embed/card.html.js";
import type { ChangeView } from "./change-view.js";
import { xml } from "./xml.js";

/** The Atom feed's media type. */
export const ATOM_TYPE = "application/atom+xml; charset=utf-8";

/** What the feed document says about itself besides its entries. */
export interface AtomFeed {
  /** The hub's origin, e.g. `https://ikz-hub.example`: Atom links and ids are absolute. */
  origin: string;
  /** The feed's own path with its query, e.g. `/aenderungen.atom?kommune=herten`. */
  selfPath: string;
  /** The HTML page with the same entries. */
  alternatePath: string;
  title: string;
  entries: ChangeView[];
}

/** The authority of the entries' `tag:` ids (RFC 4151): the hub's host name. */
function tagAuthority(origin: string): string {
  return new URL(origin).hostname;
}

/** An entry's id: a `tag:` URI of the record's global ID, the change's kind and its time, which never change. */
export function entryId(origin: string, entry: ChangeView): string {
  return `tag:${tagAuthority(origin)},2026:aenderung/${entry.key}`;
}

/**
 * The change feed as an Atom 1.0 document (RFC 4287): id, title, updated, self and
 * alternate links, and per entry its id, title, updated, link and summary.
 */
export function renderAtom({ origin, selfPath, alternatePath, title, entries }: AtomFeed): string {
  const updated = entries[0]?.at ?? new Date(0).toISOString();
  const alternate = new URL(alternatePath, origin).href;
  const body = xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${new URL(selfPath, origin).href}</id>
  <title>${title}</title>
  <updated>${updated}</updated>
  <author><name>IKZ-Hub</name></author>
  <link rel="self" type="application/atom+xml" href="${new URL(selfPath, origin).href}"/>
  <link rel="alternate" type="text/html" href="${alternate}"/>
${entries.map(
  (entry) => xml`  <entry>
    <id>${entryId(origin, entry)}</id>
    <title>${entryTitle(entry)}</title>
    <updated>${entry.at}</updated>
    <link rel="alternate" type="text/html" href="${new URL(entry.href ?? alternatePath, origin).href}"/>
    <summary>${summaryText(entry)}</summary>
  </entry>
`,
)}</feed>
`;
  return body.markup;
}

/** "Neu: Projekt „Digitale Bauakte“", or "Nicht mehr öffentlich: Projekt" when the record cannot be shown. */
export function entryTitle(entry: ChangeView): string {
  return entry.title === entry.typeLabel
    ? `${entry.kindLabel}: ${entry.typeLabel}`
    : `${entry.kindLabel}: ${entry.typeLabel} „${entry.title}“`;
}

function summaryText(entry: ChangeView): string {
  const where = entry.city ? ` (${entry.city.name})` : "";
  if (entry.title === entry.typeLabel && !entry.city)
    return `${entry.kindLabel}: ein Eintrag vom Typ ${entry.typeLabel}, der jetzt nicht öffentlich ist.`;
  return `${entry.typeLabel}${where}.${entry.summary ? ` ${shortenSummary(entry.summary)}` : ""}`;
}
