import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { paths } from "../paths.js";
import {
  type ComparePerInhabitantData,
  PER_INHABITANT_PROJECTS,
  type PerInhabitantCity,
  type PerInhabitantFigure,
  type PopulationDateGapData,
} from "../queries/compare-per-inhabitant.js";

/** What the comparison page shows per inhabitant: the API's answer and the reader's choice about unlike dates. */
export interface PerInhabitantView {
  data: ComparePerInhabitantData["compare"]["perInhabitant"];
  /** Whether the reader chose to see the figures although the populations' dates are not comparable. */
  allowed: boolean;
  /** The same comparison with that choice made (without `lang`). */
  allowHref: string;
}

/** Why the populations are not comparable by date, one sentence per reason. */
function GapReasons({ gap }: { gap: PopulationDateGapData }): VNode {
  const { t, formatPartialDate } = useSiteLanguage();
  const p = t.perInhabitant;
  return (
    <ul>
      {gap.earlier && gap.later ? (
        <li>
          {p.gap(
            gap.earlier.municipality.name,
            formatPartialDate(gap.earlier.asOf),
            gap.later.municipality.name,
            formatPartialDate(gap.later.asOf),
          )}
        </li>
      ) : null}
      {gap.undated.length ? <li>{p.undated(gap.undated.map((city) => city.name).join(", "))}</li> : null}
    </ul>
  );
}

/** Each city's population with its reference date and source, or why there is none. */
function Populations({ cities }: { cities: PerInhabitantCity[] }): VNode {
  const { t, href, formatNumber, formatPartialDate } = useSiteLanguage();
  const p = t.perInhabitant;
  return (
    <div class="table-scroll" role="region" aria-labelledby="populations-caption" tabIndex={0}>
      <table>
        <caption id="populations-caption">{p.populationsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.city}</th>
            <th scope="col">{p.population}</th>
            <th scope="col">{p.asOf}</th>
            <th scope="col">{p.source}</th>
          </tr>
        </thead>
        <tbody>
          {cities.map(({ municipality, population, unavailableReason }) => (
            <tr key={municipality.slug}>
              <th scope="row">
                <a href={href(paths.city(municipality.slug))}>{municipality.name}</a>
              </th>
              {population ? (
                <>
                  <td>{formatNumber(population.count)}</td>
                  <td>{population.asOf ? formatPartialDate(population.asOf) : p.notStated}</td>
                  <td>
                    <InGerman>{population.source.title}</InGerman>
                    {population.source.publisher ? <>, {population.source.publisher}</> : null}
                    {population.source.publishedOn ? `, ${formatPartialDate(population.source.publishedOn)}` : ""}
                  </td>
                </>
              ) : (
                <td colSpan={3}>
                  {p.unavailable}: <InGerman>{unavailableReason}</InGerman>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One city's rows of the figures table: each figure with what is divided, by what, and the result. */
function CityFigureRows({ city }: { city: PerInhabitantCity }): VNode {
  const { t, href, formatNumber, formatAmount } = useSiteLanguage();
  const p = t.perInhabitant;
  const figures = [...city.budgetByYear, ...city.projectAnnualCosts.slice(0, PER_INHABITANT_PROJECTS)];
  const name = (
    <th scope="row">
      <a href={href(paths.city(city.municipality.slug))}>{city.municipality.name}</a>
    </th>
  );
  const label = (figure: PerInhabitantFigure) =>
    figure.project ? (
      <a href={href(paths.project(figure.project.slug))}>
        <InGerman>{figure.label}</InGerman>
      </a>
    ) : (
      <InGerman>{figure.label}</InGerman>
    );
  // Without a population no figure has a value: one row says why (the key figures above give the amounts).
  if (figures.length === 0 || city.population === null)
    return (
      <tr>
        {name}
        <td colSpan={4}>
          {city.population === null ? (
            <>
              {p.unavailable}: <InGerman>{city.unavailableReason}</InGerman>
            </>
          ) : (
            p.noAmounts
          )}
        </td>
      </tr>
    );
  return (
    <>
      {figures.map((figure, index) => (
        <tr key={index}>
          {name}
          <td>{label(figure)}</td>
          <td>{formatAmount(figure.numerator, "EUR")}</td>
          <td>{figure.denominator === null ? p.unavailable : formatNumber(figure.denominator)}</td>
          <td>{figure.value === null ? p.unavailable : formatAmount(figure.value, "EUR")}</td>
        </tr>
      ))}
      {city.projectAnnualCosts.length > PER_INHABITANT_PROJECTS ? (
        <tr>
          {name}
          <td colSpan={4}>{p.moreProjects}</td>
        </tr>
      ) : null}
    </>
  );
}

/** Each city's figures per inhabitant, in one table. */
function Figures({ cities }: { cities: PerInhabitantCity[] }): VNode {
  const { t } = useSiteLanguage();
  const p = t.perInhabitant;
  return (
    <div class="table-scroll" role="region" aria-labelledby="per-inhabitant-caption" tabIndex={0}>
      <table>
        <caption id="per-inhabitant-caption">{p.figuresCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.city}</th>
            <th scope="col">{p.figure}</th>
            <th scope="col">{p.numerator}</th>
            <th scope="col">{p.denominator}</th>
            <th scope="col">{p.value}</th>
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => (
            <CityFigureRows key={city.municipality.slug} city={city} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The comparison's figures per inhabitant, below its key figures: the populations
 * with date and source, then the figures; when the populations' dates are not
 * comparable, why, and the figures only when the reader chose to see them anyway.
 */
export function PerInhabitantSection({ view }: { view: PerInhabitantView }): VNode {
  const { t, href } = useSiteLanguage();
  const p = t.perInhabitant;
  const gap = view.data.populationDateGap;
  if (gap && !view.allowed) {
    return (
      <section aria-labelledby="je-einwohner">
        <h2 id="je-einwohner">{p.heading}</h2>
        <div class="notice">
          <h3>{p.refusedHeading}</h3>
          <GapReasons gap={gap} />
          <p>
            {p.refused} <a href={href(view.allowHref)}>{p.allowLink}</a>
          </p>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="je-einwohner">
      <h2 id="je-einwohner">{p.heading}</h2>
      <p>{p.lead}</p>
      {gap ? (
        <div class="notice">
          <p>{p.shownAnyway}</p>
          <GapReasons gap={gap} />
        </div>
      ) : null}
      <Populations cities={view.data.cities} />
      <Figures cities={view.data.cities} />
    </section>
  );
}
