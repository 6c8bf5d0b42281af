import type { VNode } from "preact";
import { formatNumber } from "../labels.js";
import { Layout, NextPage, paths } from "../layout.js";
import type { CitiesData } from "../queries.js";

type City = CitiesData["municipalities"]["nodes"][number];

/** `/kommunen`: the cities, grouped by state (states by name), with a link to the next page when there are more. */
export function CitiesPage({ data, nextHref }: { data: CitiesData; nextHref: string | null }): VNode {
  const byState = new Map<string, City[]>();
  for (const city of data.municipalities.nodes) byState.set(city.state, [...(byState.get(city.state) ?? []), city]);
  const states = [...byState.values()].sort((a, b) => a[0].stateName.localeCompare(b[0].stateName, "de"));
  return (
    <Layout title="Kommunen" section="kommunen">
      <h1>Kommunen</h1>
      <p>{formatNumber(data.municipalities.totalCount)} Kommunen im Hub, nach Bundesland.</p>
      {states.map((cities) => (
        <section key={cities[0].state} aria-labelledby={`land-${cities[0].state}`}>
          <h2 id={`land-${cities[0].state}`}>{cities[0].stateName}</h2>
          <ul class="columns">
            {cities.map((city) => (
              <li key={city.slug}>
                <a href={paths.city(city.slug)}>{city.name}</a>
                {city.population !== null ? <span class="meta"> ({formatNumber(city.population)} Einw.)</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <NextPage href={nextHref}>Weitere Kommunen</NextPage>
    </Layout>
  );
}
