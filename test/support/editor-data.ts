/** What the editor tests look up or make before they start: what a form may cite, and a colleague's token. */
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken } from "../../schema/token/token.service.js";
import { gql } from "./client.js";
import type { TestHub } from "./hub.js";
import type { City } from "./mutations.js";

/** What a city's forms can cite and file under: the city's source keys and the key of the first topic. */
export interface Citable {
  sources: string[];
  topic: string;
}

/** The seed's sources of `city` and its first topic, read through the API. */
export async function citableIn(hub: TestHub, city: City = "herten"): Promise<Citable> {
  const found = await gql(
    hub,
    `query($city: String!) { municipality(slug: $city) { sources { key } } topics(first: 1) { nodes { key } } }`,
    { city },
  );
  return {
    sources: found.data!.municipality.sources.map((source: { key: string }) => source.key),
    topic: found.data!.topics.nodes[0].key,
  };
}

/** The token of a second editor of `city` named `name`: a colleague who saves in between. */
export async function createColleague(hub: TestHub, name: string, city: City = "herten"): Promise<string> {
  const made = await createToken(hub.db.orm.em.fork(), { name, role: TokenRole.EDITOR, municipalitySlug: city });
  return made.token;
}
