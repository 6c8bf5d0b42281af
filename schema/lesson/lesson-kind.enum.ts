import { registerEnumType } from "type-graphql";

/** What a lesson learned tells the reader. */
export enum LessonKind {
  SUCCESS = "SUCCESS",
  PITFALL = "PITFALL",
  RECOMMENDATION = "RECOMMENDATION",
}

registerEnumType(LessonKind, {
  name: "LessonKind",
  description: "Kind of lesson learned.",
  valuesConfig: {
    SUCCESS: { description: "Something that worked and is worth repeating." },
    PITFALL: { description: "Something that went wrong or turned out harder than expected." },
    RECOMMENDATION: { description: "Advice drawn from experience." },
  },
});

/** German names of the lesson kinds: the website, project cards and exports (`*_label` columns) show them. */
export const LESSON_KIND_LABELS: Readonly<Record<LessonKind, string>> = {
  SUCCESS: "Erfolg",
  PITFALL: "Stolperstein",
  RECOMMENDATION: "Empfehlung",
};
