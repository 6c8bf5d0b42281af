import { registerEnumType } from "type-graphql";

/** What a council body did with a paper at one sitting. */
export enum DecisionOutcome {
  ADOPTED = "ADOPTED",
  ADOPTED_WITH_CHANGES = "ADOPTED_WITH_CHANGES",
  NOTED = "NOTED",
  PRESENTED = "PRESENTED",
  DEFERRED = "DEFERRED",
  REJECTED = "REJECTED",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(DecisionOutcome, {
  name: "DecisionOutcome",
  description: "Outcome of a council paper at one sitting of one body.",
  valuesConfig: {
    ADOPTED: { description: "Beschlossen." },
    ADOPTED_WITH_CHANGES: { description: "Geändert beschlossen." },
    NOTED: { description: "Zur Kenntnis genommen." },
    PRESENTED: { description: "Eingebracht or presented; no vote yet." },
    DEFERRED: { description: "Zurückgestellt." },
    REJECTED: { description: "Abgelehnt." },
    UNKNOWN: { description: "The source does not say, or says it ambiguously (see the note)." },
  },
});

/** German names of the decision outcomes: the website, project cards and exports (`*_label` columns) show them. */
export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  ADOPTED: "Beschlossen",
  ADOPTED_WITH_CHANGES: "Geändert beschlossen",
  DEFERRED: "Zurückgestellt",
  NOTED: "Zur Kenntnis genommen",
  PRESENTED: "Eingebracht",
  REJECTED: "Abgelehnt",
  UNKNOWN: "Ergebnis unbekannt",
};
