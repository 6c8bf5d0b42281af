import type { VNode } from "preact";
import type { Messages } from "../i18n/messages.js";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";
import { LEGAL_DEFAULTS } from "../info/legal-defaults.js";
import type { LegalPage, LegalTexts } from "../info/legal-texts.js";
import { renderMarkdown } from "../info/markdown.js";

const TITLE_KEYS: Readonly<Record<LegalPage, keyof Messages["legal"]>> = {
  impressum: "imprint",
  datenschutz: "privacy",
  barrierefreiheit: "accessibility",
};

/** `/impressum`, `/datenschutz`, `/barrierefreiheit`: the operator's text (SITE_LEGAL_DIR), or the default that says it is missing. */
export function LegalPageView({ page, texts }: { page: LegalPage; texts: LegalTexts }): VNode {
  const { t, contentLang } = useSiteLanguage();
  const html = renderMarkdown(texts[page] ?? LEGAL_DEFAULTS[page]);
  const title = t.legal[TITLE_KEYS[page]];
  return (
    <Layout title={title} section={null}>
      <h1>{title}</h1>
      {t.legal.operatorText ? <p>{t.legal.operatorText}</p> : null}
      {/* markdown-it with raw HTML off: the operator's text arrives escaped, with safe links only. It stays German. */}
      <div class="prose" lang={contentLang} dangerouslySetInnerHTML={{ __html: html }} />
    </Layout>
  );
}
