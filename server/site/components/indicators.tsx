import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Sources } from "../layout.js";
import { cityAnchors } from "../paths.js";
import type { IndicatorRef } from "../queries.js";

/** An indicator's values over time as a small table, oldest first; for an indicator with more than one value. */
function History({ indicator }: { indicator: IndicatorRef }): VNode | null {
  const { t, contentLang, formatNumber, formatPartialDate } = useSiteLanguage();
  if (indicator.values.length < 2) return null;
  return (
    <table class="indicator-history">
      <caption>
        {t.strategy.history}
        <span lang={contentLang}>{indicator.name}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.strategy.historyDate}</th>
          <th scope="col">
            {t.strategy.historyValue} (<InGerman>{indicator.unit}</InGerman>)
          </th>
        </tr>
      </thead>
      <tbody>
        {indicator.values.map((value, index) => (
          <tr key={index}>
            <th scope="row">{value.asOf ? formatPartialDate(value.asOf) : t.strategy.undated}</th>
            <td>
              {formatNumber(value.value)}
              {value.note ? <span lang={contentLang}> – {value.note}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Measured figures, each with its latest value, unit, date, values over time and sources; on strategy and city pages. */
export function Indicators({ indicators }: { indicators: IndicatorRef[] }): VNode {
  const { t, contentLang, formatNumber, formatPartialDate } = useSiteLanguage();
  if (indicators.length === 0) return <p>{t.strategy.noIndicators}</p>;
  return (
    <ul class="plain">
      {indicators.map((indicator, index) => (
        <li
          key={index}
          class="block"
          id={indicator.key === undefined ? undefined : cityAnchors.indicator(indicator.key)}
        >
          <strong lang={contentLang}>{indicator.name}</strong>: {formatNumber(indicator.value)}{" "}
          <InGerman>{indicator.unit}</InGerman>
          {indicator.asOf ? t.strategy.asOf(formatPartialDate(indicator.asOf)) : ""}
          {indicator.note ? <p lang={contentLang}>{indicator.note}</p> : null}
          <History indicator={indicator} />
          <Sources sources={indicator.sources} />
        </li>
      ))}
    </ul>
  );
}
