import type { VNode } from "preact";
import { Stand } from "../components/stand.js";
import { formatPartialDate, label } from "../labels.js";
import { ExternalLink, Layout, paths, ProjectList, Sources, TopicLinks } from "../layout.js";
import type { ProviderData } from "../queries.js";

type Provider = NonNullable<ProviderData["provider"]>;

/** `/anbieter/:slug`: a provider with its clients and roles, products, projects and sources. */
export function ProviderPage({ provider, projects }: { provider: Provider; projects: ProviderData["projects"] }): VNode {
  return (
    <Layout title={provider.name} section="anbieter">
      <p class="breadcrumb">
        <a href="/anbieter">Anbieter</a> › {label("providerKind", provider.kind)}
      </p>
      <h1>{provider.name}</h1>
      <p class="lead">{provider.description}</p>
      <dl class="facts">
        <dt>Art</dt>
        <dd>{label("providerKind", provider.kind)}</dd>
        {provider.legalName ? (
          <>
            <dt>Firma</dt>
            <dd>{provider.legalName}</dd>
          </>
        ) : null}
        {provider.seat ? (
          <>
            <dt>Sitz</dt>
            <dd>{provider.seat}</dd>
          </>
        ) : null}
        {provider.website ? (
          <>
            <dt>Website</dt>
            <dd>
              <ExternalLink href={provider.website}>{provider.website}</ExternalLink>
            </dd>
          </>
        ) : null}
      </dl>
      <Sources sources={provider.sources} />
      <h2>Kunden</h2>
      {provider.clients.length === 0 ? (
        <p>Keine veröffentlichte Zusammenarbeit mit Kommunen.</p>
      ) : (
        <ul>
          {provider.clients.map((client) => (
            <li key={client.municipality.slug}>
              <a href={paths.city(client.municipality.slug)}>{client.municipality.name}</a> ({client.municipality.stateName}):{" "}
              {client.roles.map((role) => label("engagementRole", role)).join(", ")}
              {client.since ? `, seit ${formatPartialDate(client.since)}` : ""}
            </li>
          ))}
        </ul>
      )}
      {provider.products.length > 0 ? (
        <>
          <h2>Produkte</h2>
          <ul class="plain">
            {provider.products.map((product, index) => (
              <li key={index} class="block">
                <h3>{product.name}</h3>
                <p>{product.description}</p>
                <TopicLinks topics={product.topics} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Projekte</h2>
      {projects.nodes.length === 0 ? <p>Kein veröffentlichtes Projekt.</p> : <ProjectList projects={projects.nodes} />}
      <Stand updatedAt={provider.updatedAt} />
    </Layout>
  );
}
