import type { VNode } from "preact";
import { Layout } from "../layout.js";
import { LEGAL_DEFAULTS } from "../info/legal-defaults.js";
import type { LegalPage, LegalTexts } from "../info/legal-texts.js";
import { renderMarkdown } from "../info/markdown.js";

/** The pages' headings. */
export const LEGAL_TITLES: Readonly<Record<LegalPage, string>> = {
  impressum: "Impressum",
  datenschutz: "Datenschutzerklärung",
  barrierefreiheit: "Erklärung zur Barrierefreiheit",
};

/** `/impressum`, `/datenschutz`, `/barrierefreiheit`: the operator's text (SITE_LEGAL_DIR), or the default that says it is missing. */
export function LegalPageView({ page, texts }: { page: LegalPage; texts: LegalTexts }): VNode {
  const html = renderMarkdown(texts[page] ?? LEGAL_DEFAULTS[page]);
  return (
    <Layout title={LEGAL_TITLES[page]} section={null}>
      <h1>{LEGAL_TITLES[page]}</h1>
      {/* markdown-it with raw HTML off: the operator's text arrives escaped, with safe links only. */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </Layout>
  );
}
