import type { Feature } from "../features.types.js";
import { MunicipalityMutationResolver } from "./municipality-mutation.resolver.js";
import { Municipality } from "./municipality.entity.js";
import { MunicipalityResolver } from "./municipality.resolver.js";
import { municipalityKind } from "./municipality.write.js";
import { ViewerMunicipalityResolver } from "./viewer-municipality.resolver.js";
import { municipalitySearch } from "./municipality.search.js";
import { MunicipalityPopulationResolver } from "./population.resolver.js";
import { municipalityExport } from "./municipality.export.js";

/** Municipalities; the features whose records hang off one add their own fields to it. */
export const municipalityFeature: Feature = {
  name: "municipality",
  nodes: [Municipality],
  resolvers: [
    MunicipalityResolver,
    MunicipalityMutationResolver,
    ViewerMunicipalityResolver,
    MunicipalityPopulationResolver,
  ],
  adminOnly: [municipalityKind],
  cited: [Municipality],
  searchable: [municipalitySearch],
  exports: [municipalityExport],
};
