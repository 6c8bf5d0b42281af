import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout, NextPage } from "../layout.js";
import { paths } from "../paths.js";
import type { CitiesData } from "../queries.js";

type City = CitiesData["municipalities"]["nodes"][number];

/** `/kommunen`: the cities, grouped by state (states by name), with a link to the next page when there are more. */
export function CitiesPage({ data, nextHref }: { data: CitiesData; nextHref: string | null }): VNode {
  const { t, href, formatNumber, formatTotal } = useSiteLanguage();
  const byState = new Map<string, City[]>();
  for (const city of data.municipalities.nodes) byState.set(city.state, [...(byState.get(city.state) ?? []), city]);
  const states = [...byState.values()].sort((a, b) => a[0].stateName.localeCompare(b[0].stateName, "de"));
  return (
    <Layout title={t.cities.title} section="kommunen">
      <h1>{t.cities.title}</h1>
      <p>{t.cities.count(formatTotal(data.municipalities))}</p>
      {states.map((cities) => (
        <section key={cities[0].state} aria-labelledby={`land-${cities[0].state}`}>
          <h2 id={`land-${cities[0].state}`}>{cities[0].stateName}</h2>
          <ul class="columns">
            {cities.map((city) => (
              <li key={city.slug}>
                <a href={href(paths.city(city.slug))}>{city.name}</a>
                {city.population !== null ? (
                  <span class="meta">
                    {" "}
                    ({formatNumber(city.population)} {t.cities.inhabitantsShort})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <NextPage href={nextHref}>{t.cities.more}</NextPage>
    </Layout>
  );
}
