import type { VNode } from "preact";
import { MAX_COMPARED_MUNICIPALITIES } from "../../../schema/comparison/comparison.inputs.js";
import { de } from "../i18n/messages.js";
import { FormError, InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";
import { paths } from "../paths.js";
import { PerInhabitantSection, type PerInhabitantView } from "./compare-per-inhabitant.js";
import type { ChoicesData } from "../queries/choices.js";
import {
  CELL_PROJECT_LINKS,
  type CityFigures,
  type CompareCell,
  type CompareData,
  KEY_FIGURE_ITEMS,
  MAX_CELLS_WITH_PROJECTS,
} from "../queries/compare.js";

/** The cities (slugs) and topics (keys) a comparison is asked for, in their order. */
export interface CompareSelection {
  cities: string[];
  topics: string[];
  /** Whether figures per inhabitant are shown although the populations' reference dates are not comparable. */
  allowPopulationDateGap?: boolean;
}

/** Each coverage level as a symbol that fills up with progress; the words (the catalogue's) carry the meaning, the symbol repeats it. */
const SYMBOLS: Readonly<Record<string, string>> = {
  NONE: "○",
  STRATEGY_ONLY: "◔",
  PLANNED: "◑",
  IN_PROGRESS: "◕",
  COMPLETED: "●",
};

/** Each coverage level with its symbol and German words. */
export const COVERAGE: Readonly<Record<string, { symbol: string; text: string; description: string }>> =
  Object.fromEntries(
    Object.entries(de.compare.coverage).map(([level, words]) => [level, { symbol: SYMBOLS[level], ...words }]),
  );

function coverageOf(value: string, texts: typeof de.compare.coverage) {
  return Object.hasOwn(texts, value)
    ? { symbol: SYMBOLS[value], ...texts[value] }
    : { symbol: "?", text: value, description: "" };
}

/** The CSV of the same matrix, from the export routes. */
function csvHref({ cities, topics }: CompareSelection): string {
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(",");
  return `/export/comparison.csv?municipalities=${list(cities)}${topics.length ? `&topics=${list(topics)}` : ""}`;
}

/** One cell: its coverage in words after the symbol, and with `withProjects` the first of its projects. */
function Cell({ cell, withProjects }: { cell: CompareCell; withProjects: boolean }): VNode {
  const { t, lang, contentLang, href } = useSiteLanguage();
  const coverage = coverageOf(cell.coverage, t.compare.coverage);
  const more = cell.projects.length > CELL_PROJECT_LINKS;
  return (
    <td class={`coverage coverage-${cell.coverage.toLowerCase()}`}>
      <span aria-hidden="true">{coverage.symbol}</span> {coverage.text}
      {withProjects && cell.projects.length > 0 ? (
        <ul class="cell-projects" lang={contentLang}>
          {cell.projects.slice(0, CELL_PROJECT_LINKS).map((project) => (
            <li key={project.slug}>
              <a href={href(paths.project(project.slug))}>{project.title}</a>
            </li>
          ))}
          {more ? <li lang={contentLang ? lang : undefined}>{t.compare.andMore}</li> : null}
        </ul>
      ) : null}
    </td>
  );
}

function Matrix({ comparison }: { comparison: CompareData["compare"] }): VNode {
  const { t, contentLang, href } = useSiteLanguage();
  const withProjects = comparison.rows.length * comparison.municipalities.length <= MAX_CELLS_WITH_PROJECTS;
  if (comparison.rows.length === 0) return <p>{t.compare.noTopics}</p>;
  return (
    <>
      {withProjects ? null : <p>{t.compare.noProjectsShown}</p>}
      <div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
        <table class="matrix">
          <caption id="matrix-caption">{t.compare.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.compare.topic}</th>
              {comparison.municipalities.map((city) => (
                <th scope="col" key={city.slug}>
                  <a href={href(paths.city(city.slug))}>{city.name}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.topic.key}>
                <th scope="row" lang={contentLang}>
                  <a href={href(paths.topic(row.topic.key))}>{row.topic.label}</a>
                </th>
                {row.cells.map((cell, index) => (
                  <Cell key={index} cell={cell} withProjects={withProjects} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Legend(): VNode {
  const { t } = useSiteLanguage();
  return (
    <>
      <h3>{t.compare.legend}</h3>
      <ul class="legend">
        {Object.keys(SYMBOLS)
          .map((key) => coverageOf(key, t.compare.coverage))
          .map((level) => (
            <li key={level.text}>
              <span aria-hidden="true">{level.symbol}</span> <strong>{level.text}</strong>: {level.description}
            </li>
          ))}
      </ul>
    </>
  );
}

type Budget = { year: number; total: string }[];

function Figures({ figures, budget, index }: { figures: CityFigures; budget: Budget; index: number }): VNode {
  const { t, href, label, formatNumber, formatPartialDate } = useSiteLanguage();
  const euro = new Intl.NumberFormat(t.locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const id = `eckdaten-${index}`;
  return (
    <section class="block" aria-labelledby={id}>
      <h3 id={id}>
        <a href={href(paths.city(figures.municipality.slug))}>{figures.municipality.name}</a>
      </h3>
      <dl class="facts">
        <dt>{t.compare.state}</dt>
        <dd>{figures.municipality.stateName}</dd>
        <dt>{t.compare.population}</dt>
        <dd>{figures.population === null ? t.compare.noInformation : formatNumber(figures.population)}</dd>
        <dt>{t.compare.strategies}</dt>
        <dd>
          {figures.strategies.length === 0
            ? t.compare.nonePublished
            : figures.strategies.map((strategy, index) => (
                <span key={strategy.slug}>
                  {index > 0 ? "; " : ""}
                  <InGerman>{strategy.title}</InGerman> ({label("strategyStatus", strategy.status)}
                  {strategy.adoptedOn ? t.compare.adopted(formatPartialDate(strategy.adoptedOn)) : ""}
                  {strategy.horizon ? t.compare.until(String(strategy.horizon)) : ""})
                </span>
              ))}
        </dd>
        <dt>{t.compare.fieldsOfAction}</dt>
        <dd>{formatNumber(figures.fieldOfActionCount)}</dd>
        <dt>{t.compare.budget}</dt>
        <dd>
          {budget.length === 0
            ? t.compare.noBudget
            : budget.map((entry) => `${entry.year}: ${euro.format(Number(entry.total))}`).join("; ")}
        </dd>
        <dt>{t.compare.projects}</dt>
        <dd>
          {figures.projectsByStatus.length === 0
            ? t.compare.nonePublished
            : figures.projectsByStatus
                .map((entry) => `${formatNumber(entry.count)} ${label("projectStatus", entry.status)}`)
                .join(", ")}
        </dd>
        <dt>{t.compare.providers}</dt>
        <dd>
          {figures.providers.length === 0
            ? t.compare.nonePublished
            : figures.providers.slice(0, KEY_FIGURE_ITEMS).map((entry, index) => (
                <span key={entry.provider.slug}>
                  {index > 0 ? "; " : ""}
                  <a href={href(paths.provider(entry.provider.slug))}>{entry.provider.name}</a> (
                  {entry.roles.map((role) => label("engagementRole", role)).join(", ")})
                </span>
              ))}
          {figures.providers.length > KEY_FIGURE_ITEMS ? `; ${t.compare.andMore}` : ""}
        </dd>
        {figures.indicators.length > 0 ? (
          <>
            <dt>{t.compare.indicators}</dt>
            <dd>
              <ul class="plain">
                {figures.indicators.slice(0, KEY_FIGURE_ITEMS).map((indicator, index) => (
                  <li key={index}>
                    <InGerman>{indicator.name}</InGerman>: {formatNumber(indicator.value)}{" "}
                    <InGerman>{indicator.unit}</InGerman>
                    {indicator.asOf ? t.compare.asOf(formatPartialDate(indicator.asOf)) : ""}
                  </li>
                ))}
                {figures.indicators.length > KEY_FIGURE_ITEMS ? <li>{t.compare.moreOnCityPage}</li> : null}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Choices({
  legend,
  name,
  options,
  chosen,
  optionLang,
}: {
  legend: string;
  name: string;
  options: { value: string; text: string }[];
  chosen: readonly string[];
  optionLang?: string;
}): VNode {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul class="checks">
        {options.map((option, index) => (
          <li key={option.value}>
            <input
              type="checkbox"
              id={`${name}-${index}`}
              name={name}
              value={option.value}
              checked={chosen.includes(option.value)}
            />
            <label for={`${name}-${index}`} lang={optionLang}>
              {option.text}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The choice of cities and topics; cities already chosen stay offered even when they are not among the form's first hundred. */
function CompareForm({
  choices,
  selection,
  cities,
}: {
  choices: ChoicesData;
  selection: CompareSelection;
  cities: { slug: string; name: string }[];
}): VNode {
  const { t, lang, contentLang } = useSiteLanguage();
  const offered = [...choices.municipalities.nodes];
  for (const city of cities) if (!offered.some((known) => known.slug === city.slug)) offered.push(city);
  return (
    <form method="get" action="/vergleich" class="filter-form">
      {lang === "de" ? null : <input type="hidden" name="lang" value={lang} />}
      <Choices
        legend={t.compare.citiesLegend(MAX_COMPARED_MUNICIPALITIES)}
        name="kommune"
        options={offered.map((city) => ({ value: city.slug, text: city.name }))}
        chosen={selection.cities}
      />
      <Choices
        legend={t.compare.topicsLegend}
        name="thema"
        options={choices.topics.nodes.map((topic) => ({ value: topic.key, text: topic.label }))}
        chosen={selection.topics}
        optionLang={contentLang}
      />
      <p class="checks">
        <input
          type="checkbox"
          id="stichtage"
          name="stichtage"
          value="abweichend"
          checked={selection.allowPopulationDateGap === true}
        />
        <label for="stichtage">{t.perInhabitant.allowChoice}</label>
      </p>
      <button type="submit">{t.compare.submit}</button>
    </form>
  );
}

interface ComparePageProps {
  choices: ChoicesData;
  selection: CompareSelection;
  comparison: CompareData["compare"] | null;
  /** The published budget per year of each compared city, in the comparison's order. */
  budgets: Budget[];
  /** What is wrong with the request's parameters (answered with 400), in German. */
  error: string | null;
  /** The figures per inhabitant, with a comparison. */
  perInhabitant?: PerInhabitantView | null;
}

/** `/vergleich`: the form; with a selection, the topic × city matrix, its legend and CSV, and each city's key figures. */
export function ComparePage({
  choices,
  selection,
  comparison,
  budgets,
  error,
  perInhabitant,
}: ComparePageProps): VNode {
  const { t, counted } = useSiteLanguage();
  const names = comparison?.municipalities.map((city) => city.name) ?? [];
  const title = comparison ? t.compare.titleFor(names.join(", ")) : t.compare.title;
  return (
    <Layout title={error ? t.compare.errorTitle(title) : title} section="vergleich">
      <h1>{title}</h1>
      {error ? (
        <div class="form-error" role="alert">
          <h2>{t.compare.checkChoice}</h2>
          <FormError error={error} />
        </div>
      ) : null}
      {comparison ? (
        <>
          <p class="lead">{t.compare.lead}</p>
          <h2>{t.compare.matrixHeading}</h2>
          <Matrix comparison={comparison} />
          <p>
            <a href={csvHref(selection)}>{t.compare.csvLink}</a>
            {t.compare.csvNoteBefore}
            {counted(comparison.rows.length, t.nounsExtra.topic)}
            {t.compare.csvNoteAfter}
          </p>
          <Legend />
          <h2>{t.compare.keyFigures}</h2>
          {comparison.keyFigures.map((figures, index) => (
            <Figures key={figures.municipality.slug} figures={figures} budget={budgets[index] ?? []} index={index} />
          ))}
          {perInhabitant ? <PerInhabitantSection view={perInhabitant} /> : null}
          <h2>{t.compare.changeChoice}</h2>
        </>
      ) : (
        <p class="lead">{t.compare.intro}</p>
      )}
      <CompareForm choices={choices} selection={selection} cities={comparison?.municipalities ?? []} />
    </Layout>
  );
}
