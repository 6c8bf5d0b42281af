import type { VNode } from "preact";
import { pageElement } from "../i18n/site-language.js";
import { MAX_FILTER_VALUES } from "../../../schema/common/filters.js";
import { MAX_COMPARED_MUNICIPALITIES } from "../../../schema/comparison/comparison.inputs.js";
import { BadPageInput, PageRedirect } from "../page-answer.js";
import { ComparePage, type CompareSelection } from "../pages/compare.js";
import { CHOICES_QUERY, type ChoicesData } from "../queries/choices.js";
import { COMPARE_QUERY, type CompareData } from "../queries/compare.js";
import { type RunSiteQuery, SiteQueryError } from "../run-query.js";
import { FormParamError, listParam, once, shown, singleParam } from "./form-params.js";
import { COMPARE_PER_INHABITANT_QUERY, type ComparePerInhabitantData } from "../queries/compare-per-inhabitant.js";

/** The parameter (and its one value) by which a reader chooses figures per inhabitant of populations with unlike dates. */
const DATE_GAP_PARAM = "stichtage";
const DATE_GAP_ALLOWED = "abweichend";

/** The canonical address of a comparison: `/vergleich?kommunen=a,b&themen=x,y`, with `&stichtage=abweichend` when chosen. */
export function compareHref({ cities, topics, allowPopulationDateGap }: CompareSelection): string {
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(",");
  return `/vergleich?kommunen=${list(cities)}${topics.length ? `&themen=${list(topics)}` : ""}${allowPopulationDateGap ? `&${DATE_GAP_PARAM}=${DATE_GAP_ALLOWED}` : ""}`;
}

/** Whether the request chooses figures per inhabitant although the populations' dates are not comparable. */
function allowsPopulationDateGap(query: Record<string, unknown>): boolean {
  const value = singleParam(query, DATE_GAP_PARAM);
  if (value === undefined) return false;
  if (value !== DATE_GAP_ALLOWED)
    throw new FormParamError(`Der Parameter „${DATE_GAP_PARAM}“ kennt nur den Wert „${DATE_GAP_ALLOWED}“.`);
  return true;
}

/**
 * The cities and topics a request asks to compare: `kommunen` and `themen` as
 * comma-separated lists (each given once), or `kommune` and `thema` repeated, as
 * the form's checkboxes send them (then `redirect`: the page answers with its
 * canonical address). Throws `FormParamError` for what the comparison cannot take.
 */
export function compareSelectionOf(query: Record<string, unknown>): CompareSelection & { redirect: boolean } {
  const fromForm = query.kommune !== undefined || query.thema !== undefined;
  const cities = [...listParam(query, "kommunen", false), ...listParam(query, "kommune", true)];
  const topics = [...listParam(query, "themen", false), ...listParam(query, "thema", true)];
  if (cities.length > MAX_COMPARED_MUNICIPALITIES) {
    throw new FormParamError(
      `Höchstens ${MAX_COMPARED_MUNICIPALITIES} Kommunen lassen sich auf einmal vergleichen; gewählt sind ${cities.length}.`,
    );
  }
  if (topics.length > MAX_FILTER_VALUES)
    throw new FormParamError(`Höchstens ${MAX_FILTER_VALUES} Themen lassen sich auf einmal vergleichen.`);
  once(cities, "Die Kommune");
  once(topics, "Das Thema");
  if (cities.length === 0 && topics.length > 0) throw new FormParamError("Bitte wählen Sie mindestens eine Kommune.");
  return { cities, topics, allowPopulationDateGap: allowsPopulationDateGap(query), redirect: fromForm };
}

/** Values the form's choices do not know; cities only when the form lists them all. */
function unknownChoices({ cities, topics }: CompareSelection, choices: ChoicesData): string | null {
  const topicKeys = new Set(choices.topics.nodes.map((topic) => topic.key));
  const badTopics = topics.filter((key) => !topicKeys.has(key));
  if (badTopics.length) return `Unbekanntes Thema: ${badTopics.slice(0, 5).map(shown).join(", ")}.`;
  if (choices.municipalities.pageInfo.hasNextPage) return null;
  const slugs = new Set(choices.municipalities.nodes.map((city) => city.slug));
  const badCities = cities.filter((slug) => !slugs.has(slug));
  return badCities.length ? `Unbekannte Kommune: ${badCities.slice(0, 5).map(shown).join(", ")}.` : null;
}

/** The matrix with its key figures and the figures per inhabitant of `selection`, its two documents run at once. */
async function runComparison(
  run: RunSiteQuery,
  selection: CompareSelection,
): Promise<{ compare: CompareData["compare"]; perInhabitant: ComparePerInhabitantData }> {
  // No topics: the variable is left out rather than null, which would cost each document a check for null arguments (null-arguments.ts).
  const variables = {
    municipalities: selection.cities,
    ...(selection.topics.length ? { topics: selection.topics } : {}),
  };
  const [{ compare }, perInhabitant] = await Promise.all([
    run<CompareData>(COMPARE_QUERY, variables),
    run<ComparePerInhabitantData>(COMPARE_PER_INHABITANT_QUERY, { municipalities: selection.cities }),
  ]);
  return { compare, perInhabitant };
}

/** `/vergleich`: the form alone, or the comparison of the chosen cities on the chosen topics (400 with the form for bad input). */
export async function renderCompare(run: RunSiteQuery, query: Record<string, unknown>): Promise<VNode> {
  let selection: CompareSelection & { redirect: boolean };
  try {
    selection = compareSelectionOf(query);
  } catch (error) {
    if (!(error instanceof FormParamError)) throw error;
    const choices = await run<ChoicesData>(CHOICES_QUERY);
    throw new BadPageInput(
      pageElement(ComparePage, {
        choices,
        selection: { cities: [], topics: [] },
        comparison: null,
        budgets: [],
        error: error.message,
      }),
    );
  }
  if (selection.redirect) throw new PageRedirect(selection.cities.length ? compareHref(selection) : "/vergleich");
  // The form's choices and the comparison run at once, so that their statements overlap; bad choices discard the rest.
  const choicesRun = run<ChoicesData>(CHOICES_QUERY);
  if (selection.cities.length === 0)
    return pageElement(ComparePage, {
      choices: await choicesRun,
      selection,
      comparison: null,
      budgets: [],
      error: null,
    });
  const comparisonRun = runComparison(run, selection);
  // Handled below, or dropped when the choices fail first: never an unhandled rejection.
  comparisonRun.catch(() => undefined);
  const choices = await choicesRun;
  const unknown = unknownChoices(selection, choices);
  if (unknown)
    throw new BadPageInput(
      pageElement(ComparePage, { choices, selection, comparison: null, budgets: [], error: unknown }),
    );
  try {
    const { compare, perInhabitant } = await comparisonRun;
    // The budget per year is the numerator of the per-inhabitant budget figures: one computation, not two.
    const budgets = perInhabitant.compare.perInhabitant.cities.map((city) =>
      city.budgetByYear.map((figure) => ({ year: figure.year!, total: figure.numerator })),
    );
    return pageElement(ComparePage, {
      choices,
      selection,
      comparison: compare,
      budgets,
      error: null,
      perInhabitant: {
        data: perInhabitant.compare.perInhabitant,
        allowed: selection.allowPopulationDateGap === true,
        allowHref: compareHref({ ...selection, allowPopulationDateGap: true }),
      },
    });
  } catch (error) {
    // A city beyond the form's first hundred that does not exist: the API names it.
    if (!(error instanceof SiteQueryError && error.code === "BAD_USER_INPUT")) throw error;
    const message = `Mindestens eine der Kommunen ist nicht im Hub: ${selection.cities.slice(0, 5).map(shown).join(", ")}.`;
    throw new BadPageInput(
      pageElement(ComparePage, { choices, selection, comparison: null, budgets: [], error: message }),
    );
  }
}
