import type { VNode } from "preact";
import { pageElement } from "../i18n/site-language.js";
import { LessonKind } from "../../../schema/lesson/lesson-kind.enum.js";
import { BadPageInput } from "../page-answer.js";
import { type LessonChoice, LessonsPage } from "../pages/lessons.js";
import { CHOICES_QUERY, type ChoicesData } from "../queries/choices.js";
import { LESSONS_QUERY, type LessonsData } from "../queries/lessons.js";
import { type RunSiteQuery, SiteQueryError } from "../run-query.js";
import { FormParamError, shown, singleParam } from "./form-params.js";

const MAX_CURSOR_LENGTH = 200;

/** The filters of `/erfahrungen`: `thema`, `art` and `kommune`, each once; `nach` is the cursor of the page before. */
export function lessonChoiceOf(query: Record<string, unknown>): LessonChoice & { after: string | null } {
  const topic = singleParam(query, "thema") ?? null;
  const kind = singleParam(query, "art") ?? null;
  const city = singleParam(query, "kommune") ?? null;
  if (query.nach !== undefined && typeof query.nach !== "string")
    throw new FormParamError("Der Parameter „nach“ darf nur einmal vorkommen.");
  const after =
    typeof query.nach === "string" && query.nach.length > 0 && query.nach.length <= MAX_CURSOR_LENGTH
      ? query.nach
      : null;
  if (kind !== null && !Object.hasOwn(LessonKind, kind)) throw new FormParamError(`Unbekannte Art: ${shown(kind)}.`);
  return { topic, kind, city, after };
}

/** The address of a lessons page with these filters (and cursor). */
export function lessonsHref({ topic, kind, city }: LessonChoice, after: string | null = null): string {
  const params = new URLSearchParams();
  if (topic) params.set("thema", topic);
  if (kind) params.set("art", kind);
  if (city) params.set("kommune", city);
  if (after) params.set("nach", after);
  const search = params.toString();
  return search ? `/erfahrungen?${search}` : "/erfahrungen";
}

/** A filter value the form's choices do not know; cities only when the form lists them all. */
function unknownChoice({ topic, city }: LessonChoice, choices: ChoicesData): string | null {
  if (topic !== null && !choices.topics.nodes.some((known) => known.key === topic))
    return `Unbekanntes Thema: ${shown(topic)}.`;
  if (city === null || choices.municipalities.pageInfo.hasNextPage) return null;
  return choices.municipalities.nodes.some((known) => known.slug === city)
    ? null
    : `Unbekannte Kommune: ${shown(city)}.`;
}

/** `/erfahrungen`: a page of published lessons learned, filtered by topic, kind and city (400 with the form for bad input). */
export async function renderLessons(run: RunSiteQuery, query: Record<string, unknown>): Promise<VNode> {
  const empty: LessonChoice = { topic: null, kind: null, city: null };
  let choice: LessonChoice & { after: string | null };
  try {
    choice = lessonChoiceOf(query);
  } catch (error) {
    if (!(error instanceof FormParamError)) throw error;
    const choices = await run<ChoicesData>(CHOICES_QUERY);
    throw new BadPageInput(
      pageElement(LessonsPage, { choices, choice: empty, lessons: null, nextHref: null, error: error.message }),
    );
  }
  const choices = await run<ChoicesData>(CHOICES_QUERY);
  const unknown = unknownChoice(choice, choices);
  if (unknown)
    throw new BadPageInput(
      pageElement(LessonsPage, { choices, choice, lessons: null, nextHref: null, error: unknown }),
    );
  const filter = {
    topics: choice.topic ? [choice.topic] : null,
    kinds: choice.kind ? [choice.kind] : null,
    municipalities: choice.city ? [choice.city] : null,
  };
  try {
    const { lessons } = await run<LessonsData>(LESSONS_QUERY, { after: choice.after, filter });
    const nextHref =
      lessons.pageInfo.hasNextPage && lessons.pageInfo.endCursor
        ? lessonsHref(choice, lessons.pageInfo.endCursor)
        : null;
    return pageElement(LessonsPage, { choices, choice, lessons, nextHref, error: null });
  } catch (error) {
    // A bad cursor is a page that does not exist (404, as on the other lists); an unknown city beyond the form's first hundred is bad input.
    if (!(error instanceof SiteQueryError && error.code === "BAD_USER_INPUT") || choice.after) throw error;
    throw new BadPageInput(
      pageElement(LessonsPage, {
        choices,
        choice,
        lessons: null,
        nextHref: null,
        error: `Unbekannte Kommune: ${shown(choice.city ?? "")}.`,
      }),
    );
  }
}
