import { graphql } from "./gql/index.js";

/** The comparison the analyst script prints: coverage per topic and city, and key figures. */
export const CompareCitiesDocument = graphql(`
  query AnalystComparison($municipalities: [String!]!, $topics: [String!]) {
    compare(municipalities: $municipalities, topics: $topics) {
      municipalities {
        slug
        name
      }
      rows {
        topic {
          key
          label(language: DE)
        }
        cells {
          coverage
          projects {
            slug
            title
            status
          }
        }
      }
      keyFigures {
        municipality {
          slug
        }
        population
        fieldOfActionCount
        strategies {
          title
          adoptedOn
          horizon
        }
        projectsByStatus {
          status
          count
        }
        budgetByYear {
          year
          total
        }
      }
    }
  }
`);
