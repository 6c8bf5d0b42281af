import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar, PartialDateScalar } from "../common/scalars.js";
import { Source } from "../source/source.entity.js";
import { ProjectStatus } from "./project-status.enum.js";
import { Project } from "./project.entity.js";

/**
 * One step of a project's public status history: the status the public saw from `since`. Appended when a write leaves
 * a public project with another status than its last step (see `recordStatusChange`); never changed afterwards.
 */
@ObjectType({ description: "One step of a project's public status history: a status and since when it held." })
@Entity()
@Index({ properties: ["project", "id"] })
export class ProjectStatusChange {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Project, ref: true, deleteRule: "cascade" })
  project: Ref<Project>;

  @Field(() => ProjectStatus, { description: "The status the project had from `since`." })
  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "Since when the status held: the date its source gives (`statusAsOf`), else the day it was published; null when not known.",
  })
  @Property({ type: "string", length: 10, nullable: true })
  since: string | null;

  /** The publication the status is taken from; read through `ProjectStatusChange.source`, which hides drafts. */
  @ManyToOne({ entity: () => Source, ref: true, nullable: true, deleteRule: "set null" })
  source: Ref<Source> | null = null;

  @Field(() => DateTimeScalar, { description: "When the hub recorded the change." })
  @Property({ type: "datetime", length: 3 })
  recordedAt: Date = new Date();

  constructor(project: Ref<Project>, status: ProjectStatus, since: string | null) {
    this.project = project;
    this.status = status;
    this.since = since;
  }
}
