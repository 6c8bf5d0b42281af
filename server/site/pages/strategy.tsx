import { Fragment, type VNode } from "preact";
import { Decisions } from "../components/decisions.js";
import { Indicators } from "../components/indicators.js";
import { NamedLinks } from "../components/named-links.js";
import { Stand, StatusAsOf } from "../components/stand.js";
import type { SiteLanguage } from "../i18n/messages.js";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Layout, ProjectList, Sources, TopicLinks } from "../layout.js";
import { paths } from "../paths.js";
import type { StrategyData } from "../queries.js";

type Strategy = NonNullable<StrategyData["strategy"]>;
type BudgetLine = Strategy["budget"][number];

/** A decimal amount (`1234.5`, `-20.00`) in cents, exactly: sums of many lines must not drift as floats do. */
function cents(amount: string): bigint {
  const [whole, fraction = ""] = amount.replace(/^[-+]/, "").split(".");
  const value = BigInt(whole || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
  return amount.startsWith("-") ? -value : value;
}

/** Cents in euros, e.g. `1.234.567,50 €` in German, `€1,234,567.50` in English. */
function euros(value: bigint, lang: SiteLanguage): string {
  const sign = value < 0n ? "-" : "";
  const absolute = value < 0n ? -value : value;
  const cents = String(absolute % 100n).padStart(2, "0");
  if (lang === "en") return `${sign}€${(absolute / 100n).toLocaleString("en-GB")}.${cents}`;
  return `${sign}${(absolute / 100n).toLocaleString("de-DE")},${cents} €`;
}

/** The budget lines by year, oldest first, each year with its total. */
function budgetByYear(lines: BudgetLine[]): { year: number; lines: BudgetLine[]; total: bigint }[] {
  const years = new Map<number, BudgetLine[]>();
  for (const line of lines) years.set(line.year, [...(years.get(line.year) ?? []), line]);
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, yearLines]) => ({
      year,
      lines: yearLines,
      total: yearLines.reduce((sum, line) => sum + cents(line.amount), 0n),
    }));
}

function Facts({ strategy }: { strategy: Strategy }): VNode {
  const { t, href, label, formatPartialDate } = useSiteLanguage();
  const city = strategy.municipality;
  const dates = [
    { text: t.strategy.presented, value: strategy.presentedOn },
    { text: t.strategy.adopted, value: strategy.adoptedOn },
  ].filter((date): date is { text: string; value: string } => date.value !== null);
  return (
    <dl class="facts">
      <dt>{t.strategy.city}</dt>
      <dd>
        <a href={href(paths.city(city.slug))}>{city.name}</a> ({city.stateName})
      </dd>
      <dt>{t.strategy.status}</dt>
      <dd>
        {label("strategyStatus", strategy.status)}
        <StatusAsOf date={strategy.statusAsOf} />
      </dd>
      {dates.map((date) => (
        <Fragment key={date.text}>
          <dt>{date.text}</dt>
          <dd>{formatPartialDate(date.value)}</dd>
        </Fragment>
      ))}
      {strategy.horizon !== null ? (
        <>
          <dt>{t.strategy.horizon}</dt>
          <dd>{t.strategy.until(String(strategy.horizon))}</dd>
        </>
      ) : null}
      {strategy.consultants.length > 0 ? (
        <>
          <dt>{t.strategy.consultants}</dt>
          <dd>
            <NamedLinks items={strategy.consultants} path={paths.provider} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function FieldsOfAction({ fields }: { fields: Strategy["fieldsOfAction"] }): VNode {
  const { t, contentLang } = useSiteLanguage();
  if (fields.length === 0) return <p>{t.strategy.noFields}</p>;
  return (
    <ol class="plain">
      {fields.map((field) => (
        <li key={field.position} class="block">
          <h3 lang={contentLang}>{field.title}</h3>
          {field.description ? <p lang={contentLang}>{field.description}</p> : null}
          <TopicLinks topics={field.topics} />
          <Sources sources={field.sources} />
        </li>
      ))}
    </ol>
  );
}

function Budget({ lines }: { lines: BudgetLine[] }): VNode {
  const { t, lang, contentLang, label } = useSiteLanguage();
  if (lines.length === 0) return <p>{t.strategy.noBudget}</p>;
  return (
    <>
      {budgetByYear(lines).map(({ year, lines: yearLines, total }) => (
        <table key={year} class="budget">
          <caption>{year}</caption>
          <thead>
            <tr>
              <th scope="col">{t.strategy.item}</th>
              <th scope="col" class="amount">
                {t.strategy.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {yearLines.map((line, index) => (
              <tr key={index}>
                <td>
                  <strong>{label("budgetCategory", line.category)}</strong>: <InGerman>{line.description}</InGerman>
                  {line.note ? <p lang={contentLang}>{line.note}</p> : null}
                  <Sources sources={line.sources} />
                </td>
                <td class="amount">{euros(cents(line.amount), lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.strategy.total(String(year))}</th>
              <td class="amount">{euros(total, lang)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
    </>
  );
}

/** `/strategien/:slug`: a strategy with its city, fields of action, budget by year, indicators, council decisions and sources. */
export function StrategyPage({ strategy }: { strategy: Strategy }): VNode {
  const { t, contentLang, href } = useSiteLanguage();
  const city = strategy.municipality;
  const parts = [...strategy.fieldsOfAction, ...strategy.budget, ...strategy.indicators].map((part) => part.updatedAt);
  return (
    <Layout title={strategy.title} section="kommunen">
      <p class="breadcrumb">
        <a href={href("/kommunen")}>{t.cities.title}</a> › <a href={href(paths.city(city.slug))}>{city.name}</a>
      </p>
      <h1 lang={contentLang}>{strategy.title}</h1>
      {strategy.vision ? (
        <p class="vision" lang={contentLang}>
          {strategy.vision}
        </p>
      ) : null}
      <p class="lead" lang={contentLang}>
        {strategy.summary}
      </p>
      <Facts strategy={strategy} />
      {strategy.note ? <p lang={contentLang}>{strategy.note}</p> : null}
      <h2>{t.strategy.fieldsOfAction}</h2>
      <FieldsOfAction fields={strategy.fieldsOfAction} />
      <h2>{t.strategy.budget}</h2>
      <Budget lines={strategy.budget} />
      <h2>{t.strategy.indicators}</h2>
      <Indicators indicators={strategy.indicators} />
      <h2>{t.strategy.decisions}</h2>
      <Decisions decisions={strategy.decisions} />
      <h2>{t.strategy.projects}</h2>
      {strategy.projects.length > 0 ? (
        <ProjectList projects={strategy.projects} showCity={false} />
      ) : (
        <p>{t.strategy.noProject}</p>
      )}
      <h2>{t.strategy.sources}</h2>
      {strategy.sources.length > 0 ? (
        <Sources sources={strategy.sources} labelled={false} />
      ) : (
        <p>{t.strategy.noSources}</p>
      )}
      <Stand updatedAt={strategy.updatedAt} parts={parts} />
    </Layout>
  );
}
