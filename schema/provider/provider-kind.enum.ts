import { registerEnumType } from "type-graphql";

/** What kind of organisation a provider is. */
export enum ProviderKind {
  MUNICIPAL_IT_SERVICE_PROVIDER = "MUNICIPAL_IT_SERVICE_PROVIDER",
  CONSULTANCY = "CONSULTANCY",
  SOFTWARE_VENDOR = "SOFTWARE_VENDOR",
  MUNICIPAL_COMPANY = "MUNICIPAL_COMPANY",
  ASSOCIATION = "ASSOCIATION",
  OTHER = "OTHER",
}

registerEnumType(ProviderKind, {
  name: "ProviderKind",
  description: "Kind of organisation a provider is.",
  valuesConfig: {
    MUNICIPAL_IT_SERVICE_PROVIDER: {
      description: "Kommunaler IT-Dienstleister, e.g. a Zweckverband or municipally owned data centre.",
    },
    CONSULTANCY: { description: "Consulting firm." },
    SOFTWARE_VENDOR: { description: "Company that makes and sells software." },
    MUNICIPAL_COMPANY: {
      description: "Company owned by a municipality, e.g. Stadtwerke or a local business development agency.",
    },
    ASSOCIATION: { description: "Association, federation or initiative." },
    OTHER: { description: "Anything else." },
  },
});

/** German names of the provider kinds: the website, project cards and exports (`*_label` columns) show them. */
export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  ASSOCIATION: "Verband oder Verein",
  CONSULTANCY: "Beratung",
  MUNICIPAL_COMPANY: "Kommunales Unternehmen",
  MUNICIPAL_IT_SERVICE_PROVIDER: "Kommunaler IT-Dienstleister",
  OTHER: "Sonstige",
  SOFTWARE_VENDOR: "Softwarehersteller",
};
