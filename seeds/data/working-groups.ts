import type { WorkingGroupSeed } from "../seed-data.js";

/** Inter-municipal working groups the texts describe. */
export const workingGroups: WorkingGroupSeed[] = [
  {
    slug: "ikz-stammgruppe-egovernment",
    name: "IKZ-Stammgruppe eGovernment",
    description:
      "Stammgruppe der interkommunalen Zusammenarbeit für den Bereich eGovernment, in der vor allem Erfahrungen ausgetauscht werden. " +
      "Kelsterbach war darin Vorreiterin bei der Erarbeitung einer Digitalisierungsstrategie und hat den übrigen Mitgliedern Anregungen gegeben. " +
      "Der Text schreibt „eGovernement“; einen festen Namen der Gruppe nennt er nicht.",
    members: ["kelsterbach"],
    otherMembers:
      "Kolleginnen und Kollegen aus dem Kreis (nach den Referenzangaben der Kreis Groß-Gerau); welche Kommunen beteiligt sind, nennt der Text nicht.",
    cadence: "drei- bis viermal im Jahr",
    topics: ["inter-municipal-cooperation", "online-services", "governance"],
    sources: ["kelsterbach-aktuell-2023-10"],
  },
];
