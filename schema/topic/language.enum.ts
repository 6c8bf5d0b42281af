import { registerEnumType } from "type-graphql";

/** Languages the hub's labels come in. */
export enum Language {
  DE = "DE",
  EN = "EN",
}

registerEnumType(Language, {
  name: "Language",
  description: "Language of a label.",
  valuesConfig: { DE: { description: "German." }, EN: { description: "English." } },
});
