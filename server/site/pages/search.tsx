import type { VNode } from "preact";
import { STATE_NAMES, type State } from "../../../schema/municipality/state.enum.js";
import type { Messages } from "../i18n/messages.js";
import { InGerman, type SiteLanguageContext, useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";
import { paths } from "../paths.js";
import { MarkedSnippet } from "../marked-snippet.js";
import type { SearchData, SearchFacetData, SearchHitData, SearchOutcome } from "../queries/search.js";
import {
  FACETS,
  type FacetParam,
  hasFilters,
  MAX_SEARCH_QUERY,
  SEARCH_NOTICES,
  SEARCH_PATH,
  searchHref,
  type SearchRequest,
  withoutFilter,
} from "../search-params.js";

/** The label of a chosen value the answer's facets do not list (e.g. with no hits left): known names, else the value. */
function fallbackLabel(param: FacetParam, value: string, { label }: SiteLanguageContext): string {
  if (param === "typ") return label("searchType", value);
  if (param === "land") return STATE_NAMES[value as State] ?? value;
  if (param === "status")
    return label("projectStatus", value) !== value ? label("projectStatus", value) : label("strategyStatus", value);
  return value;
}

/** A facet's values to offer: the answer's, plus any chosen value it does not list, so that it can be unticked. */
function facetValues(
  param: FacetParam,
  facet: SearchFacetData | undefined,
  chosen: readonly string[],
  language: SiteLanguageContext,
) {
  // The site calls providers "Anbieter" everywhere (the API's type labels say "Dienstleister"); the API's labels of kinds
  // and statuses are German, so an English page names those values itself.
  const ownLabel = param === "typ" || (param === "status" && language.lang !== "de");
  const values: { value: string; label: string; count: number | null }[] = (facet?.values ?? []).map((value) =>
    ownLabel ? { ...value, label: fallbackLabel(param, value.value, language) } : value,
  );
  const missing = chosen.filter((value) => !values.some((listed) => listed.value === value));
  return [...values, ...missing.map((value) => ({ value, label: fallbackLabel(param, value, language), count: null }))];
}

/** The facets whose values are stored names (German on any page), not the site's labels. */
const STORED_NAMES: ReadonlySet<FacetParam> = new Set(["land", "kommune", "thema", "anbieter"]);

/** A facet value's label, marked German where it is a stored name. */
function ValueLabel({ param, text }: { param: FacetParam; text: string }): VNode {
  return STORED_NAMES.has(param) ? <InGerman>{text}</InGerman> : <>{text}</>;
}

/** A notice of `SEARCH_NOTICES` in the page's language; any other text as it is. */
function noticeText(notice: string, t: Messages): string {
  const key = (Object.keys(SEARCH_NOTICES) as (keyof typeof SEARCH_NOTICES)[]).find(
    (candidate) => SEARCH_NOTICES[candidate] === notice,
  );
  return key ? t.search.notices[key] : notice;
}

/** Where a hit leads, what it is called, and what it belongs to. */
function hitTarget(hit: SearchHitData): { href: string; title: string; kind: string; context: string | null } {
  const city = hit.municipality?.name ?? null;
  const node = hit.node;
  switch (node.__typename) {
    case "Municipality":
      return { href: paths.city(node.slug), title: node.name, kind: "MUNICIPALITY", context: node.stateName };
    case "Strategy":
      return {
        href: `/strategien/${encodeURIComponent(node.slug)}`,
        title: node.title,
        kind: "STRATEGY",
        context: city,
      };
    case "FieldOfAction":
      return {
        href: `/strategien/${encodeURIComponent(node.strategy.slug)}`,
        title: node.title,
        kind: "FIELD_OF_ACTION",
        context: `${node.strategy.title}${city ? `, ${city}` : ""}`,
      };
    case "Project":
      return { href: paths.project(node.slug), title: node.title, kind: "PROJECT", context: city };
    case "LessonLearned":
      return {
        href: hit.municipality ? paths.city(hit.municipality.slug) : "/erfahrungen",
        title: node.title,
        kind: "LESSON_LEARNED",
        context: city,
      };
    case "Provider":
      return { href: paths.provider(node.slug), title: node.name, kind: "PROVIDER", context: null };
  }
}

function Hit({ hit }: { hit: SearchHitData }): VNode {
  const { contentLang, href, label } = useSiteLanguage();
  const target = hitTarget(hit);
  const title = hit.highlights.find((highlight) => highlight.field === "title");
  return (
    <li class="card">
      <h3 lang={contentLang}>
        <a href={href(target.href)}>{title ? <MarkedSnippet snippet={title.snippet} /> : target.title}</a>
      </h3>
      <p class="meta">
        {label("searchType", target.kind)}
        {target.context ? ` · ${target.context}` : ""}
      </p>
      {hit.highlights
        .filter((highlight) => highlight.field !== "title")
        .map((highlight) => (
          <p key={highlight.field} class="snippet" lang={contentLang}>
            <MarkedSnippet snippet={highlight.snippet} />
          </p>
        ))}
    </li>
  );
}

/** The chosen filters as links that remove them, and one that removes all. */
function FilterChips({ request, facets }: { request: SearchRequest; facets: SearchFacetData[] }): VNode | null {
  const language = useSiteLanguage();
  const { t, href } = language;
  if (!hasFilters(request)) return null;
  const chips = FACETS.flatMap(({ param, field }) =>
    request.filters[param].map((value) => {
      const listed = facets
        .find((facet) => facet.field === field)
        ?.values.find((candidate) => candidate.value === value);
      const own = param === "typ" || (param === "status" && language.lang !== "de") || !listed;
      const shown = own ? fallbackLabel(param, value, language) : listed.label;
      return { param, value, shown };
    }),
  );
  return (
    <div class="search-chips">
      <p id="aktive-filter" class="meta">
        {t.search.activeFilters}
      </p>
      <ul class="chips" aria-labelledby="aktive-filter">
        {chips.map((chip) => (
          <li key={`${chip.param}=${chip.value}`}>
            <a href={href(withoutFilter(request, chip.param, chip.value))}>
              <span class="visually-hidden">{t.search.removeFilter}</span>
              {t.search.facets[chip.param]}: <ValueLabel param={chip.param} text={chip.shown} />{" "}
              <span aria-hidden="true">×</span>
            </a>
          </li>
        ))}
        <li>
          <a
            href={href(
              searchHref(request.query, { typ: [], land: [], kommune: [], thema: [], status: [], anbieter: [] }),
            )}
          >
            {t.search.removeAll}
          </a>
        </li>
      </ul>
    </div>
  );
}

/** The facets as checkboxes with counts; they belong to the search form (`form="suche"`), so "Filter anwenden" sends them with the query. */
function Facets({ request, facets }: { request: SearchRequest; facets: SearchFacetData[] }): VNode {
  const language = useSiteLanguage();
  const { t, formatNumber } = language;
  return (
    <aside id="filter" class="search-facets" aria-labelledby="filter-titel">
      <h2 id="filter-titel">{t.search.filters}</h2>
      {FACETS.map(({ param, field }) => {
        const values = facetValues(
          param,
          facets.find((facet) => facet.field === field),
          request.filters[param],
          language,
        );
        if (values.length === 0) return null;
        return (
          <fieldset key={param}>
            <legend>{t.search.facets[param]}</legend>
            <ul class="plain">
              {values.map((value) => (
                <li key={value.value}>
                  <label>
                    <input
                      type="checkbox"
                      form="suche"
                      name={param}
                      value={value.value}
                      checked={request.filters[param].includes(value.value)}
                    />{" "}
                    <ValueLabel param={param} text={value.label} />
                    {value.count !== null ? <span class="meta"> ({formatNumber(value.count)})</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <button type="submit" form="suche">
        {t.search.applyFilters}
      </button>
    </aside>
  );
}

function countText(search: SearchData["search"], { t, counted, formatNumber }: SiteLanguageContext): string {
  return search.totalCountIsExact
    ? counted(search.totalCount, t.nouns.hit)
    : t.search.moreThan(formatNumber(search.totalCount));
}

function Results({ request, data }: { request: SearchRequest; data: SearchData }): VNode {
  const language = useSiteLanguage();
  const { t, href } = language;
  const { search } = data;
  const next =
    search.pageInfo.hasNextPage && search.pageInfo.endCursor
      ? searchHref(request.query, request.filters, search.pageInfo.endCursor)
      : null;
  return (
    <div class="search-layout">
      <section class="search-results" aria-labelledby="treffer-titel">
        <h2 id="treffer-titel">
          {countText(search, language)}
          {request.query ? t.search.forQuery(request.query) : ""}
        </h2>
        <p class="meta">
          <a href="#filter">{t.search.toFilters}</a>
        </p>
        <FilterChips request={request} facets={search.facets} />
        {search.hits.length > 0 ? (
          <ol class="cards search-hits">
            {search.hits.map((hit, index) => (
              <Hit key={index} hit={hit} />
            ))}
          </ol>
        ) : (
          <NoHits request={request} />
        )}
        {next || request.after ? (
          <nav aria-label={t.search.pages} class="search-pages">
            {request.after ? <a href={href(searchHref(request.query, request.filters))}>{t.search.firstPage}</a> : null}
            {next ? (
              <a href={href(next)} rel="next">
                {t.search.moreHits}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <Facets request={request} facets={search.facets} />
    </div>
  );
}

function NoHits({ request }: { request: SearchRequest }): VNode {
  const { t, href } = useSiteLanguage();
  return (
    <div class="notice">
      <p>{request.query ? t.search.noHitsFor(request.query) : t.search.noHitsFilters}</p>
      <ul>
        <li>{t.search.hintSpelling}</li>
        {hasFilters(request) ? <li>{t.search.hintFilters}</li> : null}
        <li>
          {t.search.hintBrowseBefore}
          <a href={href("/themen")}>{t.search.topicsLink}</a>
          {t.search.hintBrowseOr}
          <a href={href("/kommunen")}>{t.search.citiesLink}</a>
          {t.search.hintBrowseAfter}
        </li>
      </ul>
    </div>
  );
}

/** `/suche?q=…`: the search form, the hits with marked snippets, the facets as checkboxes and the chosen filters as chips. */
export function SearchPage({ request, data, problem }: { request: SearchRequest } & SearchOutcome): VNode {
  const { t, lang } = useSiteLanguage();
  const notices = problem ? [...request.notices, problem] : request.notices;
  return (
    <Layout title={request.query ? t.search.titleFor(request.query) : t.search.title} section="suche">
      <h1>{t.search.title}</h1>
      <form
        id="suche"
        class="search-form"
        action={SEARCH_PATH}
        method="get"
        role="search"
        aria-label={t.search.formLabel}
      >
        <label for="suche-q">{t.search.field}</label>
        <div class="search-row">
          <input type="search" id="suche-q" name="q" value={request.query} maxLength={MAX_SEARCH_QUERY} />
          {lang === "de" ? null : <input type="hidden" name="lang" value={lang} />}
          <button type="submit">{t.search.button}</button>
        </div>
      </form>
      {notices.length > 0 ? (
        <div class="notice" role="status">
          <ul>
            {notices.map((notice) => (
              <li key={notice}>{noticeText(notice, t)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {data ? <Results request={request} data={data} /> : null}
      {!data && problem ? <FilterChips request={request} facets={[]} /> : null}
      {!data && !problem ? <p class="lead">{t.search.intro}</p> : null}
    </Layout>
  );
}
