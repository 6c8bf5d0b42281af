import { Field, Float, ObjectType } from "type-graphql";
import { Project } from "../project/project.entity.js";

/** A project of another municipality suggested for reuse, with why it is suggested. */
@ObjectType({ description: "A project of another municipality suggested for reuse, with the reasons it is suggested." })
export class SimilarProject {
  @Field(() => Project, { description: "The suggested project." })
  project: Project;

  @Field(() => Float, {
    description:
      "Similarity from 0 (unrelated) to 1: 0.5 × shared topics + 0.3 × shared wording + 0.2 × a shared provider or product.",
  })
  score: number;

  @Field(() => [String], {
    description:
      "Why it is suggested, most telling first, e.g. `same topic: childcare`, `same provider: KRZN`. Never empty.",
  })
  reasons: string[];

  constructor(project: Project, score: number, reasons: string[]) {
    this.project = project;
    this.score = score;
    this.reasons = reasons;
  }
}
