import { Collection, Entity, Filter, Enum, ManyToMany, ManyToOne, Property, type Ref, Index } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { Source } from "../source/source.entity.js";
import { Topic } from "../topic/topic.entity.js";
import { LessonKind } from "./lesson-kind.enum.js";
import { Publishable } from "../publishing/publishable.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** Something a municipality learned that others can reuse: a success, a pitfall, a recommendation. */
@ObjectType({
  implements: [HubEntity, Publishable],
  description: "Something a municipality learned that others can reuse.",
})
@Entity()
@Filter(visibilityFilter({ owner: "municipality", parent: "project", parentOptional: true }))
// Each list order's index (issue 18): a page reads its rows in index order instead of sorting the whole table.
@Index({ properties: ["title", "id"] })
@Index({ properties: ["createdAt", "id"] })
export class LessonLearned extends Publishable {
  @Field({ description: "Stable slug." })
  @Property({ type: "string", length: 120, unique: true })
  slug: string;

  @Field({ description: "The lesson in one line, in German." })
  @Property({ type: "text" })
  title: string;

  @Field({ description: "The lesson in full, in German." })
  @Property({ type: "text" })
  body: string;

  @Field(() => LessonKind, { description: "Kind of lesson." })
  @Enum({ items: () => LessonKind })
  kind: LessonKind;

  @ManyToOne({ entity: () => Municipality, ref: true, index: true })
  municipality: Ref<Municipality>;

  @ManyToOne({ entity: () => Project, ref: true, nullable: true, index: true })
  project: Ref<Project> | null = null;

  @ParentUpdatedAt("project", "project_id")
  override parentUpdatedAt?: Date | null;

  @ManyToMany({ entity: () => Topic })
  topics = new Collection<Topic>(this);

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(slug: string, title: string, body: string, kind: LessonKind, municipality: Ref<Municipality>) {
    super();
    this.slug = slug;
    this.title = title;
    this.body = body;
    this.kind = kind;
    this.municipality = municipality;
  }
}
