import { projectStatusHistoryExport } from "./project-status-change.export.js";
import type { Feature } from "../features.types.js";
import { costItemExport } from "./cost-item.export.js";
import { projectExport } from "./project.export.js";
import { CostItem } from "./cost-item.entity.js";
import { costSummaryLoader, ProjectCostSummaryResolver } from "./cost-summary.resolver.js";
import {
  FieldOfActionProjectsResolver,
  municipalityProjectsLoader,
  MunicipalityProjectsResolver,
  StrategyProjectsResolver,
} from "./project-edges.resolver.js";
import { ProjectMutationResolver } from "./project-mutation.resolver.js";
import { ProjectStatusChange } from "./project-status-change.entity.js";
import { ProjectStatusChangeResolver, ProjectStatusHistoryResolver } from "./project-status-history.resolver.js";
import { Project } from "./project.entity.js";
import { ProjectResolver } from "./project.resolver.js";
import { projectKind } from "./project.write.js";
import { projectSearch } from "./project.search.js";

/** Projects, their cost items and their public status history. */
export const projectFeature: Feature = {
  name: "project",
  nodes: [Project, CostItem],
  entities: [ProjectStatusChange],
  resolvers: [
    ProjectResolver,
    ProjectMutationResolver,
    MunicipalityProjectsResolver,
    StrategyProjectsResolver,
    FieldOfActionProjectsResolver,
    ProjectStatusHistoryResolver,
    ProjectStatusChangeResolver,
    ProjectCostSummaryResolver,
  ],
  publishable: [projectKind],
  cited: [Project, CostItem],
  tagged: [Project],
  loaders: [municipalityProjectsLoader, costSummaryLoader],
  searchable: [projectSearch],
  exports: [projectExport, costItemExport, projectStatusHistoryExport],
};
