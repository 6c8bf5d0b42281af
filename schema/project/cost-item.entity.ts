import {
  Collection,
  DeferMode,
  Entity,
  Filter,
  Enum,
  ManyToMany,
  ManyToOne,
  Property,
  type Ref,
  Unique,
} from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { DecimalScalar } from "../common/scalars.js";
import { Source } from "../source/source.entity.js";
import { CostKind } from "./cost-kind.enum.js";
import { CostPeriod } from "./cost-period.enum.js";
import { Project } from "./project.entity.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** One cost of a project, e.g. a module's annual fee. */
@ObjectType({ implements: HubEntity, description: "One cost of a project, e.g. a module's annual fee." })
@Entity()
@Filter(visibilityFilter({ owner: "project.municipality", parent: "project", ownState: false }))
// Checked at commit: a write that reorders a project's costs moves positions past each other.
@Unique({ properties: ["project", "position"], deferMode: DeferMode.INITIALLY_DEFERRED })
export class CostItem extends HubEntity {
  @ManyToOne({ entity: () => Project, ref: true })
  project: Ref<Project>;

  @ParentUpdatedAt("project", "project_id")
  override parentUpdatedAt?: Date | null;

  /** Order within the project's costs, as the source lists them. */
  @Property({ type: "integer" })
  position: number;

  @Field(() => DecimalScalar, { description: "Amount, exact to the cent." })
  @Property({ type: "decimal", precision: 14, scale: 2 })
  amount: string;

  @Field({ description: "ISO 4217 currency code." })
  @Property({ type: "string", length: 3 })
  currency: string = "EUR";

  @Field(() => CostKind, { description: "Whether this is a cost of the project or a figure to compare it with." })
  @Enum({ items: () => CostKind, default: CostKind.COST })
  kind: CostKind = CostKind.COST;

  @Field(() => CostPeriod, { description: "Period the amount covers." })
  @Enum({ items: () => CostPeriod })
  period: CostPeriod;

  @Field({ description: "What the cost is for, in German." })
  @Property({ type: "text" })
  description: string;

  @Field(() => String, {
    nullable: true,
    description: "Editorial remark, e.g. where a figure in the source does not add up.",
  })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(project: Ref<Project>, position: number, amount: string, period: CostPeriod, description: string) {
    super();
    this.project = project;
    this.position = position;
    this.amount = amount;
    this.period = period;
    this.description = description;
  }
}
