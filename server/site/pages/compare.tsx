import type { VNode } from "preact";
import { MAX_COMPARED_MUNICIPALITIES } from "../../../schema/comparison/comparison.inputs.js";
import { counted, formatNumber, formatPartialDate, label } from "../labels.js";
import { Layout, paths } from "../layout.js";
import type { ChoicesData } from "../queries/choices.js";
import { CELL_PROJECT_LINKS, type CityFigures, type CompareCell, type CompareData, KEY_FIGURE_ITEMS, MAX_CELLS_WITH_PROJECTS } from "../queries/compare.js";

/** The cities (slugs) and topics (keys) a comparison is asked for, in their order. */
export interface CompareSelection {
  cities: string[];
  topics: string[];
}

/** Each coverage level in words and as a symbol that fills up with progress; the words carry the meaning, the symbol repeats it. */
export const COVERAGE: Readonly<Record<string, { symbol: string; text: string; description: string }>> = {
  NONE: { symbol: "○", text: "Nichts veröffentlicht", description: "weder ein Handlungsfeld noch ein Projekt zum Thema" },
  STRATEGY_ONLY: { symbol: "◔", text: "Nur auf dem Papier", description: "ein Handlungsfeld der Strategie, oder Projekte, die Idee blieben oder gestoppt wurden" },
  PLANNED: { symbol: "◑", text: "Projekt geplant", description: "mindestens ein geplantes Projekt, noch keines in Umsetzung" },
  IN_PROGRESS: { symbol: "◕", text: "In Umsetzung", description: "mindestens ein Projekt in Umsetzung, noch keines abgeschlossen" },
  COMPLETED: { symbol: "●", text: "Umgesetzt", description: "mindestens ein abgeschlossenes Projekt" },
};

function coverageOf(value: string) {
  return COVERAGE[value] ?? { symbol: "?", text: value, description: "" };
}

/** The CSV of the same matrix, from the export routes. */
function csvHref({ cities, topics }: CompareSelection): string {
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(",");
  return `/export/comparison.csv?municipalities=${list(cities)}${topics.length ? `&topics=${list(topics)}` : ""}`;
}

/** One cell: its coverage in words after the symbol, and with `withProjects` the first of its projects. */
function Cell({ cell, withProjects }: { cell: CompareCell; withProjects: boolean }): VNode {
  const coverage = coverageOf(cell.coverage);
  const more = cell.projects.length > CELL_PROJECT_LINKS;
  return (
    <td class={`coverage coverage-${cell.coverage.toLowerCase()}`}>
      <span aria-hidden="true">{coverage.symbol}</span> {coverage.text}
      {withProjects && cell.projects.length > 0 ? (
        <ul class="cell-projects">
          {cell.projects.slice(0, CELL_PROJECT_LINKS).map((project) => (
            <li key={project.slug}>
              <a href={paths.project(project.slug)}>{project.title}</a>
            </li>
          ))}
          {more ? <li>und weitere</li> : null}
        </ul>
      ) : null}
    </td>
  );
}

function Matrix({ comparison }: { comparison: CompareData["compare"] }): VNode {
  const withProjects = comparison.rows.length * comparison.municipalities.length <= MAX_CELLS_WITH_PROJECTS;
  if (comparison.rows.length === 0) return <p>Zu diesen Kommunen ist noch kein Thema mit Handlungsfeld oder Projekt veröffentlicht.</p>;
  return (
    <>
    {withProjects ? null : <p>Bei so vielen Zellen nennt die Tabelle keine Projekte; die Seiten der Kommunen und Themen zeigen sie.</p>}
    <div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table class="matrix">
        <caption id="matrix-caption">Stand je Thema und Kommune</caption>
        <thead>
          <tr>
            <th scope="col">Thema</th>
            {comparison.municipalities.map((city) => (
              <th scope="col" key={city.slug}>
                <a href={paths.city(city.slug)}>{city.name}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.topic.key}>
              <th scope="row">
                <a href={paths.topic(row.topic.key)}>{row.topic.label}</a>
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
  return (
    <>
      <h3>Legende</h3>
      <ul class="legend">
        {Object.values(COVERAGE).map((level) => (
          <li key={level.text}>
            <span aria-hidden="true">{level.symbol}</span> <strong>{level.text}</strong>: {level.description}
          </li>
        ))}
      </ul>
    </>
  );
}

const EURO = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

type Budget = { year: number; total: string }[];

function Figures({ figures, budget, index }: { figures: CityFigures; budget: Budget; index: number }): VNode {
  const id = `eckdaten-${index}`;
  return (
    <section class="block" aria-labelledby={id}>
      <h3 id={id}>
        <a href={paths.city(figures.municipality.slug)}>{figures.municipality.name}</a>
      </h3>
      <dl class="facts">
        <dt>Bundesland</dt>
        <dd>{figures.municipality.stateName}</dd>
        <dt>Einwohner</dt>
        <dd>{figures.population === null ? "keine Angabe" : formatNumber(figures.population)}</dd>
        <dt>Strategien</dt>
        <dd>
          {figures.strategies.length === 0
            ? "keine veröffentlicht"
            : figures.strategies.map((strategy, index) => (
                <span key={strategy.slug}>
                  {index > 0 ? "; " : ""}
                  {strategy.title} ({label("strategyStatus", strategy.status)}
                  {strategy.adoptedOn ? `, Beschluss ${formatPartialDate(strategy.adoptedOn)}` : ""}
                  {strategy.horizon ? `, bis ${strategy.horizon}` : ""})
                </span>
              ))}
        </dd>
        <dt>Handlungsfelder</dt>
        <dd>{formatNumber(figures.fieldOfActionCount)}</dd>
        <dt>Budget</dt>
        <dd>{budget.length === 0 ? "keines veröffentlicht" : budget.map((entry) => `${entry.year}: ${EURO.format(Number(entry.total))}`).join("; ")}</dd>
        <dt>Projekte</dt>
        <dd>
          {figures.projectsByStatus.length === 0
            ? "keine veröffentlicht"
            : figures.projectsByStatus.map((entry) => `${formatNumber(entry.count)} ${label("projectStatus", entry.status)}`).join(", ")}
        </dd>
        <dt>Anbieter</dt>
        <dd>
          {figures.providers.length === 0
            ? "keine veröffentlicht"
            : figures.providers.slice(0, KEY_FIGURE_ITEMS).map((entry, index) => (
                <span key={entry.provider.slug}>
                  {index > 0 ? "; " : ""}
                  <a href={paths.provider(entry.provider.slug)}>{entry.provider.name}</a> (
                  {entry.roles.map((role) => label("engagementRole", role)).join(", ")})
                </span>
              ))}
          {figures.providers.length > KEY_FIGURE_ITEMS ? "; und weitere" : ""}
        </dd>
        {figures.indicators.length > 0 ? (
          <>
            <dt>Kennzahlen</dt>
            <dd>
              <ul class="plain">
                {figures.indicators.slice(0, KEY_FIGURE_ITEMS).map((indicator, index) => (
                  <li key={index}>
                    {indicator.name}: {formatNumber(indicator.value)} {indicator.unit}
                    {indicator.asOf ? ` (Stand ${formatPartialDate(indicator.asOf)})` : ""}
                  </li>
                ))}
                {figures.indicators.length > KEY_FIGURE_ITEMS ? <li>und weitere auf der Seite der Kommune</li> : null}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Choices({ legend, name, options, chosen }: { legend: string; name: string; options: { value: string; text: string }[]; chosen: readonly string[] }): VNode {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul class="checks">
        {options.map((option, index) => (
          <li key={option.value}>
            <input type="checkbox" id={`${name}-${index}`} name={name} value={option.value} checked={chosen.includes(option.value)} />
            <label for={`${name}-${index}`}>{option.text}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The choice of cities and topics; cities already chosen stay offered even when they are not among the form's first hundred. */
function CompareForm({ choices, selection, cities }: { choices: ChoicesData; selection: CompareSelection; cities: { slug: string; name: string }[] }): VNode {
  const offered = [...choices.municipalities.nodes];
  for (const city of cities) if (!offered.some((known) => known.slug === city.slug)) offered.push(city);
  return (
    <form method="get" action="/vergleich" class="filter-form">
      <Choices
        legend={`Kommunen (eine bis ${MAX_COMPARED_MUNICIPALITIES})`}
        name="kommune"
        options={offered.map((city) => ({ value: city.slug, text: city.name }))}
        chosen={selection.cities}
      />
      <Choices
        legend="Themen (ohne Auswahl: alle Themen der gewählten Kommunen)"
        name="thema"
        options={choices.topics.nodes.map((topic) => ({ value: topic.key, text: topic.label }))}
        chosen={selection.topics}
      />
      <button type="submit">Vergleichen</button>
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
}

/** `/vergleich`: the form; with a selection, the topic × city matrix, its legend and CSV, and each city's key figures. */
export function ComparePage({ choices, selection, comparison, budgets, error }: ComparePageProps): VNode {
  const names = comparison?.municipalities.map((city) => city.name) ?? [];
  const title = comparison ? `Vergleich: ${names.join(", ")}` : "Kommunen vergleichen";
  return (
    <Layout title={error ? `Fehler: ${title}` : title} section="vergleich">
      <h1>{comparison ? `Vergleich: ${names.join(", ")}` : "Kommunen vergleichen"}</h1>
      {error ? (
        <div class="form-error" role="alert">
          <h2>Bitte die Auswahl prüfen</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {comparison ? (
        <>
          <p class="lead">Was die Kommunen je Thema veröffentlicht haben: Handlungsfelder ihrer Strategien und Projekte mit ihrem Stand.</p>
          <h2>Themen im Vergleich</h2>
          <Matrix comparison={comparison} />
          <p>
            <a href={csvHref(selection)}>Diese Tabelle als CSV herunterladen</a> (für Tabellenkalkulationen, {counted(comparison.rows.length, "Thema", "Themen")}
            ).
          </p>
          <Legend />
          <h2>Eckdaten</h2>
          {comparison.keyFigures.map((figures, index) => (
            <Figures key={figures.municipality.slug} figures={figures} budget={budgets[index] ?? []} index={index} />
          ))}
          <h2>Auswahl ändern</h2>
        </>
      ) : (
        <p class="lead">Wählen Sie Kommunen und, wenn Sie möchten, Themen: der Vergleich zeigt je Thema, wie weit jede Kommune ist.</p>
      )}
      <CompareForm choices={choices} selection={selection} cities={comparison?.municipalities ?? []} />
    </Layout>
  );
}
