import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261122082841 } from "./Migration20261122082841.js";
import { Migration20261122082900GermanCollation } from "./Migration20261122082900GermanCollation.js";
import { Migration20261122092717 } from "./Migration20261122092717.js";
import { Migration20261130062929 } from "./Migration20261130062929.js";
import { Migration20261130063649 } from "./Migration20261130063649.js";
import { Migration20261130070000Search } from "./Migration20261130070000Search.js";
import { Migration20261130090000SearchLocks } from "./Migration20261130090000SearchLocks.js";
import { Migration20261130100000SearchSpeed } from "./Migration20261130100000SearchSpeed.js";
import { Migration20261130110000SearchTitleFilters } from "./Migration20261130110000SearchTitleFilters.js";
import { Migration20261205120000SimilarityFeatures } from "./Migration20261205120000SimilarityFeatures.js";
import { Migration20261205160000PublicViews } from "./Migration20261205160000PublicViews.js";
import { Migration20261205170000SearchPublicViews } from "./Migration20261205170000SearchPublicViews.js";
import { Migration20261205190436SearchDeclared } from "./Migration20261205190436SearchDeclared.js";
import { Migration20261205200537ListIndexes } from "./Migration20261205200537ListIndexes.js";
import { Migration20261205215314ProjectStatusNotStated } from "./Migration20261205215314ProjectStatusNotStated.js";
import { Migration20261205225444ProjectReplacedProducts } from "./Migration20261205225444ProjectReplacedProducts.js";
import { Migration20261206004500SourceListIndexes } from "./Migration20261206004500SourceListIndexes.js";
import { Migration20261206010000StrategyStatusInPreparation } from "./Migration20261206010000StrategyStatusInPreparation.js";
import { Migration20261206010100ProjectStatusHistory } from "./Migration20261206010100ProjectStatusHistory.js";
import { Migration20261206013000EditorSessions } from "./Migration20261206013000EditorSessions.js";
import { Migration20261206020000IndicatorSeries } from "./Migration20261206020000IndicatorSeries.js";
import { Migration20261206030000PopulationSource } from "./Migration20261206030000PopulationSource.js";
import { Migration20261206050000CostItemsWritable } from "./Migration20261206050000CostItemsWritable.js";
import { Migration20261206052500OidcPeople } from "./Migration20261206052500OidcPeople.js";
import { Migration20261206060000StatsSummaries } from "./Migration20261206060000StatsSummaries.js";
import { Migration20261206080000DecisionsWritable } from "./Migration20261206080000DecisionsWritable.js";
import { Migration20261206080000SimilarityLists } from "./Migration20261206080000SimilarityLists.js";
import { Migration20261206081000TopicCitySummary } from "./Migration20261206081000TopicCitySummary.js";
import { Migration20261206083000OidcSignInAndLogout } from "./Migration20261206083000OidcSignInAndLogout.js";
import { Migration20261206150000SerialCount } from "./Migration20261206150000SerialCount.js";
import { Migration20261206151000PublishedProjectIndexes } from "./Migration20261206151000PublishedProjectIndexes.js";

/** The committed migrations, oldest first. New ones are appended by `npm run migration:create`. */
export const migrations: MigrationObject[] = [
  { name: "Migration20261122082841", class: Migration20261122082841 },
  { name: "Migration20261122082900GermanCollation", class: Migration20261122082900GermanCollation },
  { name: "Migration20261122092717", class: Migration20261122092717 },
  { name: "Migration20261130062929", class: Migration20261130062929 },
  { name: "Migration20261130063649", class: Migration20261130063649 },
  { name: "Migration20261130070000Search", class: Migration20261130070000Search },
  { name: "Migration20261130090000SearchLocks", class: Migration20261130090000SearchLocks },
  { name: "Migration20261130100000SearchSpeed", class: Migration20261130100000SearchSpeed },
  { name: "Migration20261130110000SearchTitleFilters", class: Migration20261130110000SearchTitleFilters },
  { name: "Migration20261205120000SimilarityFeatures", class: Migration20261205120000SimilarityFeatures },
  { name: "Migration20261205160000PublicViews", class: Migration20261205160000PublicViews },
  { name: "Migration20261205170000SearchPublicViews", class: Migration20261205170000SearchPublicViews },
  { name: "Migration20261205190436SearchDeclared", class: Migration20261205190436SearchDeclared },
  { name: "Migration20261205200537ListIndexes", class: Migration20261205200537ListIndexes },
  { name: "Migration20261205215314ProjectStatusNotStated", class: Migration20261205215314ProjectStatusNotStated },
  { name: "Migration20261205225444ProjectReplacedProducts", class: Migration20261205225444ProjectReplacedProducts },
  { name: "Migration20261206004500SourceListIndexes", class: Migration20261206004500SourceListIndexes },
  {
    name: "Migration20261206010000StrategyStatusInPreparation",
    class: Migration20261206010000StrategyStatusInPreparation,
  },
  { name: "Migration20261206010100ProjectStatusHistory", class: Migration20261206010100ProjectStatusHistory },
  { name: "Migration20261206013000EditorSessions", class: Migration20261206013000EditorSessions },
  { name: "Migration20261206020000IndicatorSeries", class: Migration20261206020000IndicatorSeries },
  { name: "Migration20261206030000PopulationSource", class: Migration20261206030000PopulationSource },
  { name: "Migration20261206050000CostItemsWritable", class: Migration20261206050000CostItemsWritable },
  { name: "Migration20261206052500OidcPeople", class: Migration20261206052500OidcPeople },
  { name: "Migration20261206060000StatsSummaries", class: Migration20261206060000StatsSummaries },
  { name: "Migration20261206080000DecisionsWritable", class: Migration20261206080000DecisionsWritable },
  { name: "Migration20261206080000SimilarityLists", class: Migration20261206080000SimilarityLists },
  { name: "Migration20261206081000TopicCitySummary", class: Migration20261206081000TopicCitySummary },
  { name: "Migration20261206083000OidcSignInAndLogout", class: Migration20261206083000OidcSignInAndLogout },
  { name: "Migration20261206150000SerialCount", class: Migration20261206150000SerialCount },
  {
    name: "Migration20261206151000PublishedProjectIndexes",
    class: Migration20261206151000PublishedProjectIndexes,
  },
];
