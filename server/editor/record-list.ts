import type { Request } from "express";
import type { RunSiteQuery } from "../site/run-query.js";
import type { Viewer } from "../../schema/token/viewer.js";
import { STATE_LABELS } from "./pages/state-labels.js";
import {
  byLatestChange,
  type EditorRecord,
  RECORD_KINDS,
  type RecordKind,
  recordsOfAllKinds,
  recordsOfKind,
  STATES,
  type StateFilter,
} from "./my-records.js";

/** Records one page of a kind's list shows. */
export const PAGE_SIZE = 50;
/** Latest changes (across kinds) the overview shows. */
export const OVERVIEW_SIZE = 50;
/** Longest page number the `seite` parameter takes (six digits: far beyond any list). */
const MAX_PAGE_DIGITS = 6;

/** What the address of "Meine Kommune" asks for: `art`, `stand` and `seite`. */
export interface ListQuery {
  kind: RecordKind | null;
  state: StateFilter | null;
  page: number;
}

/** The overview: the latest changes across kinds and how many records each kind has. */
export interface OverviewView {
  mode: "overview";
  latest: EditorRecord[];
  total: number;
  counts: { kind: RecordKind; count: number; complete: boolean }[];
}

/** One page of one kind's records. */
export interface KindPageView {
  mode: "kind";
  records: EditorRecord[];
  page: number;
  pages: number;
  total: number;
  complete: boolean;
}

export type RecordListView = OverviewView | KindPageView;

/** A request the list cannot answer, with the German reason (the page answers 400). */
export interface ListProblem {
  problem: string;
}

/** A value quoted for a message: at most 40 characters. */
const quoted = (value: string) => `„${value.length > 40 ? `${value.slice(0, 40)}…` : value}“`;

/** One query parameter as a string; a repeated or nested one is a problem. */
function single(query: Request["query"], name: string): string | ListProblem {
  const value = query[name];
  if (value === undefined) return "";
  if (typeof value !== "string")
    return { problem: `Der Parameter „${name}“ darf nur einmal und nur als Text vorkommen.` };
  return value;
}

const isProblem = (value: unknown): value is ListProblem =>
  typeof value === "object" && value !== null && "problem" in value;

/** Reads `art`, `stand` and `seite`; a value the list does not know is a problem, not silently ignored. */
export function listQuery(query: Request["query"]): ListQuery | ListProblem {
  const art = single(query, "art");
  const stand = single(query, "stand");
  const seite = single(query, "seite");
  for (const value of [art, stand, seite]) if (isProblem(value)) return value;
  const [kindValue, stateValue, pageValue] = [art, stand, seite] as string[];
  if (kindValue && !Object.hasOwn(RECORD_KINDS, kindValue))
    return { problem: `Unbekannte Art ${quoted(kindValue)}. Möglich sind: ${Object.keys(RECORD_KINDS).join(", ")}.` };
  const state = STATES.find((value) => value === stateValue) ?? null;
  if (stateValue && !state)
    return {
      problem: `Unbekannter Stand ${quoted(stateValue)}. Möglich sind: ${STATES.map((value) => `${value} (${STATE_LABELS[value]})`).join(", ")}.`,
    };
  if (pageValue && !new RegExp(`^[1-9][0-9]{0,${MAX_PAGE_DIGITS - 1}}$`).test(pageValue))
    return { problem: `${quoted(pageValue)} ist keine Seitenzahl: Bitte geben Sie eine ganze Zahl ab 1 an.` };
  const kind = (kindValue || null) as RecordKind | null;
  const page = pageValue ? Number(pageValue) : 1;
  if (!kind && page !== 1)
    return { problem: "Seiten gibt es nur in der Liste einer Art: Bitte wählen Sie zuerst eine Art." };
  return { kind, state, page };
}

/** The address of a list page; the first page has no `seite`. */
export function listPath({ kind, state, page }: ListQuery): string {
  const params = new URLSearchParams();
  if (kind) params.set("art", kind);
  if (state) params.set("stand", state);
  if (page > 1) params.set("seite", String(page));
  const search = params.toString();
  return search ? `/meine-kommune?${search}` : "/meine-kommune";
}

const inState = (state: StateFilter | null) => (record: EditorRecord) => !state || record.publicationState === state;

/** What the list shows for the query: every record of the city is read (as the editor), then filtered and paged. */
export async function recordListView(
  run: RunSiteQuery,
  viewer: Viewer,
  city: string,
  { kind, state, page }: ListQuery,
): Promise<RecordListView | ListProblem> {
  if (!kind) {
    const all = await recordsOfAllKinds(run, viewer, city);
    const counts = (Object.keys(RECORD_KINDS) as RecordKind[]).map((each) => ({
      kind: each,
      count: all[each].records.filter(inState(state)).length,
      complete: all[each].complete,
    }));
    const matching = Object.values(all).flatMap((list) => list.records.filter(inState(state)));
    matching.sort(byLatestChange);
    return { mode: "overview", latest: matching.slice(0, OVERVIEW_SIZE), total: matching.length, counts };
  }
  const { records, complete } = await recordsOfKind(run, viewer, city, kind);
  const matching = records.filter(inState(state));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  if (page > pages)
    return {
      problem: `Seite ${page} gibt es nicht: Die Liste hat ${pages === 1 ? "nur eine Seite" : `${pages} Seiten`}.`,
    };
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return { mode: "kind", records: shown, page, pages, total: matching.length, complete };
}
