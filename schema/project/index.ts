import type { Feature } from "../features.types.js";
import { costItemExport } from "./cost-item.export.js";
import { projectExport } from "./project.export.js";
import { CostItem } from "./cost-item.entity.js";
import {
  FieldOfActionProjectsResolver,
  municipalityProjectsLoader,
  MunicipalityProjectsResolver,
  StrategyProjectsResolver,
} from "./project-edges.resolver.js";
import { ProjectMutationResolver } from "./project-mutation.resolver.js";
import { Project } from "./project.entity.js";
import { ProjectResolver } from "./project.resolver.js";
import { projectKind } from "./project.write.js";
import { projectSearch } from "./project.search.js";

/** Projects and their cost items. */
export const projectFeature: Feature = {
  name: "project",
  nodes: [Project, CostItem],
  resolvers: [
    ProjectResolver,
    ProjectMutationResolver,
    MunicipalityProjectsResolver,
    StrategyProjectsResolver,
    FieldOfActionProjectsResolver,
  ],
  publishable: [projectKind],
  cited: [Project, CostItem],
  tagged: [Project],
  loaders: [municipalityProjectsLoader],
  searchable: [projectSearch],
  exports: [projectExport, costItemExport],
};
