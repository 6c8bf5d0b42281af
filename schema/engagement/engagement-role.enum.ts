import { registerEnumType } from "type-graphql";

/** The role a provider plays for a municipality. */
export enum EngagementRole {
  IT_OPERATIONS = "IT_OPERATIONS",
  CONSULTING = "CONSULTING",
  SOFTWARE_HOSTING = "SOFTWARE_HOSTING",
  SOFTWARE_SUPPLY = "SOFTWARE_SUPPLY",
  INFRASTRUCTURE = "INFRASTRUCTURE",
  TRAINING = "TRAINING",
  PARTNER = "PARTNER",
  OTHER = "OTHER",
}

registerEnumType(EngagementRole, {
  name: "EngagementRole",
  description: "Role of a provider in its engagement with a municipality.",
  valuesConfig: {
    IT_OPERATIONS: { description: "Runs (parts of) the municipality's IT operations." },
    CONSULTING: { description: "Advises, e.g. on drawing up a strategy." },
    SOFTWARE_HOSTING: { description: "Hosts and operates software for the municipality." },
    SOFTWARE_SUPPLY: { description: "Supplies or licenses software." },
    INFRASTRUCTURE: { description: "Builds or runs infrastructure such as fibre networks." },
    TRAINING: { description: "Trains or certifies staff." },
    PARTNER: { description: "Partner in the municipality's digital development." },
    OTHER: { description: "Any other role." },
  },
});

/** German names of the engagement roles: the website, project cards and exports (`*_label` columns) show them. */
export const ENGAGEMENT_ROLE_LABELS: Readonly<Record<EngagementRole, string>> = {
  CONSULTING: "Beratung",
  INFRASTRUCTURE: "Infrastruktur",
  IT_OPERATIONS: "IT-Betrieb",
  OTHER: "Sonstiges",
  PARTNER: "Partner",
  SOFTWARE_HOSTING: "Software-Hosting",
  SOFTWARE_SUPPLY: "Softwarelieferung",
  TRAINING: "Schulung",
};
