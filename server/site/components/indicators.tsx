import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Sources } from "../layout.js";
import type { IndicatorRef } from "../queries.js";

/** Measured figures, each with its value, unit, date and sources; shown on strategy and city pages. */
export function Indicators({ indicators }: { indicators: IndicatorRef[] }): VNode {
  const { t, contentLang, formatNumber, formatPartialDate } = useSiteLanguage();
  if (indicators.length === 0) return <p>{t.strategy.noIndicators}</p>;
  return (
    <ul class="plain">
      {indicators.map((indicator, index) => (
        <li key={index} class="block">
          <strong lang={contentLang}>{indicator.name}</strong>: {formatNumber(indicator.value)}{" "}
          <InGerman>{indicator.unit}</InGerman>
          {indicator.asOf ? t.strategy.asOf(formatPartialDate(indicator.asOf)) : ""}
          {indicator.note ? <p lang={contentLang}>{indicator.note}</p> : null}
          <Sources sources={indicator.sources} />
        </li>
      ))}
    </ul>
  );
}
