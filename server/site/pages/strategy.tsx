import { Fragment, type VNode } from "preact";
import { Stand } from "../components/stand.js";
import { formatNumber, formatPartialDate, label } from "../labels.js";
import { Layout, paths, ProjectList, Sources, TopicLinks } from "../layout.js";
import type { StrategyData } from "../queries.js";

type Strategy = NonNullable<StrategyData["strategy"]>;
type BudgetLine = Strategy["budget"][number];

/** German names of the budget categories and council outcomes; an unknown value is shown as it is. */
const BUDGET_CATEGORY: Readonly<Record<string, string>> = {
  ANNUAL_FEE: "Jährliche Gebühr",
  EXPENSE: "Aufwand",
  INVESTMENT: "Investition",
  OTHER: "Sonstiges",
  PERSONNEL: "Personal",
};
const DECISION_OUTCOME: Readonly<Record<string, string>> = {
  ADOPTED: "Beschlossen",
  ADOPTED_WITH_CHANGES: "Geändert beschlossen",
  DEFERRED: "Zurückgestellt",
  NOTED: "Zur Kenntnis genommen",
  PRESENTED: "Eingebracht",
  REJECTED: "Abgelehnt",
  UNKNOWN: "Ergebnis unbekannt",
};
const german = (labels: Readonly<Record<string, string>>, value: string) => (Object.hasOwn(labels, value) ? labels[value] : value);

/** A decimal amount (`1234.5`, `-20.00`) in cents, exactly: sums of many lines must not drift as floats do. */
function cents(amount: string): bigint {
  const [whole, fraction = ""] = amount.replace(/^[-+]/, "").split(".");
  const value = BigInt(whole || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
  return amount.startsWith("-") ? -value : value;
}

/** Cents in euros the German way, e.g. `1.234.567,50 €`. */
function euros(value: bigint): string {
  const sign = value < 0n ? "-" : "";
  const absolute = value < 0n ? -value : value;
  return `${sign}${(absolute / 100n).toLocaleString("de-DE")},${String(absolute % 100n).padStart(2, "0")} €`;
}

/** The budget lines by year, oldest first, each year with its total. */
function budgetByYear(lines: BudgetLine[]): { year: number; lines: BudgetLine[]; total: bigint }[] {
  const years = new Map<number, BudgetLine[]>();
  for (const line of lines) years.set(line.year, [...(years.get(line.year) ?? []), line]);
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, yearLines]) => ({ year, lines: yearLines, total: yearLines.reduce((sum, line) => sum + cents(line.amount), 0n) }));
}

function Facts({ strategy }: { strategy: Strategy }): VNode {
  const city = strategy.municipality;
  const dates = [
    { text: "Vorgestellt", value: strategy.presentedOn },
    { text: "Beschlossen", value: strategy.adoptedOn },
  ].filter((date): date is { text: string; value: string } => date.value !== null);
  return (
    <dl class="facts">
      <dt>Kommune</dt>
      <dd>
        <a href={paths.city(city.slug)}>{city.name}</a> ({city.stateName})
      </dd>
      <dt>Status</dt>
      <dd>{label("strategyStatus", strategy.status)}</dd>
      {dates.map((date) => (
        <Fragment key={date.text}>
          <dt>{date.text}</dt>
          <dd>{formatPartialDate(date.value)}</dd>
        </Fragment>
      ))}
      {strategy.horizon !== null ? (
        <>
          <dt>Zeithorizont</dt>
          <dd>bis {strategy.horizon}</dd>
        </>
      ) : null}
      {strategy.consultants.length > 0 ? (
        <>
          <dt>Beratung</dt>
          <dd>
            {strategy.consultants.map((consultant, index) => (
              <Fragment key={consultant.slug}>
                {index > 0 ? ", " : ""}
                <a href={paths.provider(consultant.slug)}>{consultant.name}</a>
              </Fragment>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function FieldsOfAction({ fields }: { fields: Strategy["fieldsOfAction"] }): VNode {
  if (fields.length === 0) return <p>Keine veröffentlichten Handlungsfelder.</p>;
  return (
    <ol class="plain">
      {fields.map((field) => (
        <li key={field.position} class="block">
          <h3>{field.title}</h3>
          {field.description ? <p>{field.description}</p> : null}
          <TopicLinks topics={field.topics} />
          <Sources sources={field.sources} />
        </li>
      ))}
    </ol>
  );
}

function Budget({ lines }: { lines: BudgetLine[] }): VNode {
  if (lines.length === 0) return <p>Kein veröffentlichtes Budget.</p>;
  return (
    <>
      {budgetByYear(lines).map(({ year, lines: yearLines, total }) => (
        <table key={year} class="budget">
          <caption>{year}</caption>
          <thead>
            <tr>
              <th scope="col">Posten</th>
              <th scope="col" class="amount">
                Betrag
              </th>
            </tr>
          </thead>
          <tbody>
            {yearLines.map((line, index) => (
              <tr key={index}>
                <td>
                  <strong>{german(BUDGET_CATEGORY, line.category)}</strong>: {line.description}
                  {line.note ? <p>{line.note}</p> : null}
                  <Sources sources={line.sources} />
                </td>
                <td class="amount">{euros(cents(line.amount))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summe {year}</th>
              <td class="amount">{euros(total)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
    </>
  );
}

function Indicators({ indicators }: { indicators: Strategy["indicators"] }): VNode {
  if (indicators.length === 0) return <p>Keine veröffentlichten Kennzahlen.</p>;
  return (
    <ul class="plain">
      {indicators.map((indicator, index) => (
        <li key={index} class="block">
          <strong>{indicator.name}</strong>: {formatNumber(indicator.value)} {indicator.unit}
          {indicator.asOf ? ` (Stand ${formatPartialDate(indicator.asOf)})` : ""}
          {indicator.note ? <p>{indicator.note}</p> : null}
          <Sources sources={indicator.sources} />
        </li>
      ))}
    </ul>
  );
}

function Decisions({ decisions }: { decisions: Strategy["decisions"] }): VNode {
  if (decisions.length === 0) return <p>Keine Ratsbeschlüsse erfasst.</p>;
  return (
    <ul class="plain">
      {decisions.map((decision, index) => (
        <li key={index} class="block">
          <h3>{decision.title}</h3>
          <p class="meta">
            {decision.body}: {german(DECISION_OUTCOME, decision.outcome)}
            {decision.date ? ` · ${formatPartialDate(decision.date)}` : ""}
            {decision.reference ? ` · Vorlage ${decision.reference}` : ""}
          </p>
          {decision.description ? <p>{decision.description}</p> : null}
          <Sources sources={decision.sources} />
        </li>
      ))}
    </ul>
  );
}

/** `/strategien/:slug`: a strategy with its city, fields of action, budget by year, indicators, council decisions and sources. */
export function StrategyPage({ strategy }: { strategy: Strategy }): VNode {
  const city = strategy.municipality;
  const parts = [...strategy.fieldsOfAction, ...strategy.budget, ...strategy.indicators].map((part) => part.updatedAt);
  return (
    <Layout title={strategy.title} section="kommunen">
      <p class="breadcrumb">
        <a href="/kommunen">Kommunen</a> › <a href={paths.city(city.slug)}>{city.name}</a>
      </p>
      <h1>{strategy.title}</h1>
      {strategy.vision ? <p class="vision">{strategy.vision}</p> : null}
      <p class="lead">{strategy.summary}</p>
      <Facts strategy={strategy} />
      {strategy.note ? <p>{strategy.note}</p> : null}
      <h2>Handlungsfelder</h2>
      <FieldsOfAction fields={strategy.fieldsOfAction} />
      <h2>Budget nach Jahr</h2>
      <Budget lines={strategy.budget} />
      <h2>Kennzahlen</h2>
      <Indicators indicators={strategy.indicators} />
      <h2>Ratsbeschlüsse</h2>
      <Decisions decisions={strategy.decisions} />
      <h2>Projekte</h2>
      {strategy.projects.length > 0 ? <ProjectList projects={strategy.projects} showCity={false} /> : <p>Kein veröffentlichtes Projekt.</p>}
      <h2>Quellen</h2>
      {strategy.sources.length > 0 ? <Sources sources={strategy.sources} labelled={false} /> : <p>Keine Quellen angegeben.</p>}
      <Stand updatedAt={strategy.updatedAt} parts={parts} />
    </Layout>
  );
}
