import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Sources } from "../layout.js";
import { cityAnchors } from "../paths.js";
import type { DecisionRef } from "../queries.js";

/**
 * Council decisions, each with its body, outcome, date, paper reference and sources; shown on strategy and city pages.
 * A decision read with its key gets its anchor (`cityAnchors`).
 */
export function Decisions({ decisions }: { decisions: DecisionRef[] }): VNode {
  const { t, contentLang, label, formatPartialDate } = useSiteLanguage();
  if (decisions.length === 0) return <p>{t.strategy.noDecisions}</p>;
  return (
    <ul class="plain">
      {decisions.map((decision, index) => (
        <li key={index} class="block" id={decision.key === undefined ? undefined : cityAnchors.decision(decision.key)}>
          <h3 lang={contentLang}>{decision.title}</h3>
          <p class="meta">
            <InGerman>{decision.body}</InGerman>: {label("decisionOutcome", decision.outcome)}
            {decision.date ? ` · ${formatPartialDate(decision.date)}` : ""}
            {decision.reference ? t.strategy.reference(decision.reference) : ""}
          </p>
          {decision.description ? <p lang={contentLang}>{decision.description}</p> : null}
          <Sources sources={decision.sources} />
        </li>
      ))}
    </ul>
  );
}
