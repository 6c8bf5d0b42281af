import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import type { StatusStep } from "../queries.js";

/** "Statusverlauf": a project's public statuses, oldest first, with since when and from which source. */
export function StatusHistory({ steps }: { steps: readonly StatusStep[] }): VNode | null {
  const { t, label, formatNamedMonth, contentLang } = useSiteLanguage();
  if (steps.length === 0) return null;
  return (
    <>
      <h2 id="statusverlauf">{t.project.statusHistory}</h2>
      {/* A narrow screen scrolls the table in its own box, never the page. */}
      <div class="table-scroll" role="region" aria-labelledby="statusverlauf" tabIndex={0}>
        <table class="status-history" aria-labelledby="statusverlauf">
          <thead>
            <tr>
              <th scope="col">{t.project.since}</th>
              <th scope="col">{t.project.status}</th>
              <th scope="col">{t.project.source}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr>
                <td>
                  {step.since ? <time datetime={step.since}>{formatNamedMonth(step.since)}</time> : t.project.notStated}
                </td>
                <th scope="row">{label("projectStatus", step.status)}</th>
                <td lang={step.source ? contentLang : undefined}>{step.source ? step.source.title : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
