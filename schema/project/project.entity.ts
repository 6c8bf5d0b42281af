import {
  Collection,
  Entity,
  Filter,
  Enum,
  ManyToMany,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
  Index,
} from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Product } from "../product/product.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Source } from "../source/source.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Topic } from "../topic/topic.entity.js";
import type { CostItem } from "./cost-item.entity.js";
import { ProjectStatus } from "./project-status.enum.js";
import { Publishable } from "../publishing/publishable.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A municipality's digitalisation project: e-file, online services, Kita software, fibre, … */
@ObjectType({ implements: [HubEntity, Publishable], description: "A municipality's digitalisation project." })
@Entity()
@Filter(visibilityFilter({ owner: "municipality" }))
// Each list order's index (issue 18): a page reads its rows in index order instead of sorting the whole table.
@Index({ properties: ["title", "id"] })
@Index({ properties: ["status", "id"] })
@Index({ properties: ["createdAt", "id"] })
@Index({ properties: ["updatedAt", "id"] })
// The public's projects in id order, of all statuses and of one: a list's bounded count reads them from these
// indexes alone, without a row (issue 18; migration PublishedProjectIndexes).
@Index({
  name: "project_published_id_index",
  expression: `create index "project_published_id_index" on "project" ("id") where "publication_state" = 'PUBLISHED'`,
})
@Index({
  name: "project_published_status_id_index",
  expression: `create index "project_published_status_id_index" on "project" ("status", "id") where "publication_state" = 'PUBLISHED'`,
})
export class Project extends Publishable {
  @Field({ description: "Stable slug, e.g. `herten-kita-online`." })
  @Property({ type: "string", length: 120, unique: true })
  slug: string;

  @Field({ description: "Title in German." })
  @Property({ type: "text" })
  title: string;

  @Field({ description: "Summary in German." })
  @Property({ type: "text" })
  summary: string;

  @ManyToOne({ entity: () => Municipality, ref: true, index: true })
  municipality: Ref<Municipality>;

  @ManyToOne({ entity: () => Strategy, ref: true, nullable: true, index: true })
  strategy: Ref<Strategy> | null = null;

  @ManyToOne({ entity: () => FieldOfAction, ref: true, nullable: true, index: true })
  fieldOfAction: Ref<FieldOfAction> | null = null;

  @Field(() => ProjectStatus, { description: "Progress of the project." })
  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'The date the status is valid for according to its source ("Stand laut Quelle"), e.g. `2018-11` for a council paper of November 2018; null when no source dates it.',
  })
  @Property({ type: "string", length: 10, nullable: true })
  statusAsOf: string | null = null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When work started." })
  @Property({ type: "string", length: 10, nullable: true })
  startedOn: string | null = null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it is planned to end." })
  @Property({ type: "string", length: 10, nullable: true })
  plannedEndOn: string | null = null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it was completed." })
  @Property({ type: "string", length: 10, nullable: true })
  completedOn: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where sources are ambiguous." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Topic })
  topics = new Collection<Topic>(this);

  @ManyToMany({ entity: () => Provider })
  providers = new Collection<Provider>(this);

  @ManyToMany({ entity: () => Product })
  products = new Collection<Product>(this);

  /** Products the project replaces: in use until it is done, not used by it. */
  @ManyToMany({ entity: () => Product, pivotTable: "project_replaced_products" })
  replacedProducts = new Collection<Product>(this);

  @ManyToMany({ entity: () => Municipality, pivotTable: "project_partners" })
  partners = new Collection<Municipality>(this);

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  /** The costs, written with the project (see `project.write.ts`); GraphQL reads them through a loader. */
  @OneToMany({ entity: "CostItem", mappedBy: "project", orphanRemoval: true })
  costs = new Collection<CostItem>(this);

  constructor(slug: string, title: string, summary: string, municipality: Ref<Municipality>, status: ProjectStatus) {
    super();
    this.slug = slug;
    this.title = title;
    this.summary = summary;
    this.municipality = municipality;
    this.status = status;
  }
}
