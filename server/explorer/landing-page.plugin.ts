import type { ApolloServerPlugin } from "@apollo/server";

/** What a browser sees at `GET /graphql`: a short German note that leads to the explorer. */
export const GRAPHQL_LANDING_PAGE = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL-API – IKZ-Hub</title>
</head>
<body>
<main>
<h1>GraphQL-API des IKZ-Hubs</h1>
<p>Unter dieser Adresse beantwortet der Hub GraphQL-Abfragen (<code>POST</code> mit <code>content-type: application/json</code>).</p>
<p>Zum Ausprobieren im Browser: <a href="/explorer">GraphQL-Explorer öffnen</a>.</p>
</main>
</body>
</html>
`;

/**
 * Replaces Apollo's default landing page, which loads Apollo Sandbox from Apollo's CDN
 * (blank on an intranet, and reporting to a vendor elsewhere), with `GRAPHQL_LANDING_PAGE`.
 * Apollo shows it only to a browser's `GET /graphql` without a query; API clients are answered as before.
 */
export const explorerLandingPage: ApolloServerPlugin = {
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: GRAPHQL_LANDING_PAGE };
      },
    };
  },
};
