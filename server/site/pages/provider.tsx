import type { VNode } from "preact";
import { Stand } from "../components/stand.js";
import { useSiteLanguage } from "../i18n/site-language.js";
import { ExternalLink, Layout, ProjectList, Sources, TopicLinks } from "../layout.js";
import { paths } from "../paths.js";
import type { ProviderData } from "../queries.js";

type Provider = NonNullable<ProviderData["provider"]>;

/** `/anbieter/:slug`: a provider with its clients and roles, products, projects and sources. */
export function ProviderPage({
  provider,
  projects,
}: {
  provider: Provider;
  projects: ProviderData["projects"];
}): VNode {
  const { t, contentLang, href, label, formatPartialDate } = useSiteLanguage();
  return (
    <Layout title={provider.name} section="anbieter">
      <p class="breadcrumb">
        <a href={href("/anbieter")}>{t.providers.title}</a> › {label("providerKind", provider.kind)}
      </p>
      <h1>{provider.name}</h1>
      <p class="lead" lang={contentLang}>
        {provider.description}
      </p>
      <dl class="facts">
        <dt>{t.provider.kind}</dt>
        <dd>{label("providerKind", provider.kind)}</dd>
        {provider.legalName ? (
          <>
            <dt>{t.provider.legalName}</dt>
            <dd>{provider.legalName}</dd>
          </>
        ) : null}
        {provider.seat ? (
          <>
            <dt>{t.provider.seat}</dt>
            <dd>{provider.seat}</dd>
          </>
        ) : null}
        {provider.website ? (
          <>
            <dt>{t.provider.website}</dt>
            <dd>
              <ExternalLink href={provider.website}>{provider.website}</ExternalLink>
            </dd>
          </>
        ) : null}
      </dl>
      <Sources sources={provider.sources} />
      <h2>{t.provider.clients}</h2>
      {provider.clients.length === 0 ? (
        <p>{t.provider.noClients}</p>
      ) : (
        <ul>
          {provider.clients.map((client) => (
            <li key={client.municipality.slug}>
              <a href={href(paths.city(client.municipality.slug))}>{client.municipality.name}</a> (
              {client.municipality.stateName}): {client.roles.map((role) => label("engagementRole", role)).join(", ")}
              {client.since ? t.provider.since(formatPartialDate(client.since)) : ""}
            </li>
          ))}
        </ul>
      )}
      {provider.products.length > 0 ? (
        <>
          <h2>{t.provider.products}</h2>
          <ul class="plain">
            {provider.products.map((product, index) => (
              <li key={index} class="block">
                <h3>{product.name}</h3>
                <p lang={contentLang}>{product.description}</p>
                <TopicLinks topics={product.topics} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t.provider.projects}</h2>
      {projects.nodes.length === 0 ? <p>{t.provider.noProject}</p> : <ProjectList projects={projects.nodes} />}
      <Stand updatedAt={provider.updatedAt} />
    </Layout>
  );
}
