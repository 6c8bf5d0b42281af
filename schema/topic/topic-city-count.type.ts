import { Field, Int, ObjectType } from "type-graphql";

/** How much one municipality does on a topic. */
@ObjectType({ description: "How many published fields of action and projects one municipality has on a topic." })
export class TopicCityCount {
  /** Database id of the municipality; the resolver loads it in batches. */
  municipalityId: number;

  @Field(() => Int, { description: "Published fields of action (of published strategies) tagged with the topic." })
  fieldsOfAction: number;

  @Field(() => Int, { description: "Published projects tagged with the topic." })
  projects: number;

  constructor(municipalityId: number, fieldsOfAction: number, projects: number) {
    this.municipalityId = municipalityId;
    this.fieldsOfAction = fieldsOfAction;
    this.projects = projects;
  }
}
