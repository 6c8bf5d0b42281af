import { registerEnumType } from "type-graphql";

/** Which direction of an indicator's figure is the better one. */
export enum BetterWhen {
  HIGHER = "HIGHER",
  LOWER = "LOWER",
  NOT_STATED = "NOT_STATED",
}

registerEnumType(BetterWhen, {
  name: "BetterWhen",
  description: "Which direction of an indicator's figure is the better one.",
  valuesConfig: {
    HIGHER: { description: "A higher figure is better, e.g. processes digitised." },
    LOWER: { description: "A lower figure is better, e.g. days to process an application." },
    NOT_STATED: {
      description: "The sources do not say which direction is better; recorded instead of a guessed direction.",
    },
  },
});

/** German names of the directions: the website and the exports (`better_when_label`) show them. */
export const BETTER_WHEN_LABELS: Readonly<Record<BetterWhen, string>> = {
  HIGHER: "Höher ist besser",
  LOWER: "Niedriger ist besser",
  NOT_STATED: "Nicht angegeben",
};
