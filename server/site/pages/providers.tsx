import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout, NextPage } from "../layout.js";
import { paths } from "../paths.js";
import type { ProvidersData } from "../queries.js";

type Provider = ProvidersData["providers"]["nodes"][number];

/** `/anbieter`: the provider directory, grouped by kind (kinds by label), with a link to the next page when there are more. */
export function ProvidersPage({ data, nextHref }: { data: ProvidersData; nextHref: string | null }): VNode {
  const { t, href, formatTotal, label } = useSiteLanguage();
  const byKind = new Map<string, Provider[]>();
  for (const provider of data.providers.nodes)
    byKind.set(provider.kind, [...(byKind.get(provider.kind) ?? []), provider]);
  const kinds = [...byKind.keys()].sort((a, b) =>
    label("providerKind", a).localeCompare(label("providerKind", b), t.locale),
  );
  return (
    <Layout title={t.providers.title} section="anbieter">
      <h1>{t.providers.title}</h1>
      <p>{t.providers.count(formatTotal(data.providers))}</p>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`art-${kind}`}>
          <h2 id={`art-${kind}`}>{label("providerKind", kind)}</h2>
          <ul class="columns">
            {byKind.get(kind)!.map((provider) => (
              <li key={provider.slug}>
                <a href={href(paths.provider(provider.slug))}>{provider.name}</a>
                {provider.seat ? <span class="meta"> ({provider.seat})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <NextPage href={nextHref}>{t.providers.more}</NextPage>
    </Layout>
  );
}
