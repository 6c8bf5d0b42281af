import type { TopicSeed } from "../seed-data.js";

/**
 * The shared topic taxonomy. Keys are stable kebab-case identifiers; fields of action,
 * projects, products, lessons and working groups are tagged with them so that cities
 * become comparable.
 */
export const topics: TopicSeed[] = [
  {
    key: "e-file",
    labelDe: "E-Akte und digitaler Posteingang",
    labelEn: "E-file and digital incoming mail",
    description: "Elektronische Aktenführung, Aktenpläne, digitaler Posteingang und digitale Poststelle.",
  },
  {
    key: "online-services",
    labelDe: "Online-Verwaltungsleistungen (OZG)",
    labelEn: "Online services (OZG)",
    description:
      "Verwaltungsleistungen, die Bürgerinnen, Bürger und Unternehmen online beantragen können, insbesondere zur Umsetzung des Onlinezugangsgesetzes.",
  },
  {
    key: "website",
    labelDe: "Städtische Website",
    labelEn: "Municipal website",
    description: "Internetauftritt der Kommune einschließlich Portalen, auf denen Online-Angebote gebündelt werden.",
  },
  {
    key: "digital-communication",
    labelDe: "Digitale Kommunikation",
    labelEn: "Digital communication",
    description:
      "Elektronische Kommunikationswege zwischen Verwaltung, Bürgerschaft und anderen Behörden, etwa Behördenpostfächer oder digitales Beschwerdemanagement.",
  },
  {
    key: "specialist-software",
    labelDe: "Fach- und Querschnittsanwendungen",
    labelEn: "Specialist and cross-cutting applications",
    description:
      "Fachverfahren der einzelnen Ämter und übergreifende Anwendungen sowie deren Verwaltung und Schnittstellen.",
  },
  {
    key: "schools",
    labelDe: "Digitale Schulen",
    labelEn: "Digital schools",
    description: "Digitale Ausstattung und Medienentwicklung der Schulen in kommunaler Trägerschaft.",
  },
  {
    key: "childcare",
    labelDe: "Kinderbetreuung (Kita und Tagespflege)",
    labelEn: "Childcare (day care and child minding)",
    description: "Software und Verfahren für Kita-Anmeldung, Platzvergabe, Elternbeiträge und Kindertagespflege.",
  },
  {
    key: "gis",
    labelDe: "Geoinformationssysteme",
    labelEn: "Geographic information systems",
    description:
      "Raumbezogene Daten der Verwaltung, ihre Verarbeitung und Darstellung, zum Beispiel in einem Geo-Portal.",
  },
  {
    key: "open-data-ai",
    labelDe: "Open Data, Big Data und KI",
    labelEn: "Open data, big data and AI",
    description:
      "Offene Bereitstellung von Verwaltungsdaten sowie Datenanalyse und künstliche Intelligenz in der Verwaltung.",
  },
  {
    key: "it-security",
    labelDe: "IT-Sicherheit",
    labelEn: "IT security",
    description: "Schutz der kommunalen IT-Systeme und Daten vor Ausfällen und Angriffen.",
  },
  {
    key: "data-protection",
    labelDe: "Datenschutz",
    labelEn: "Data protection",
    description: "Schutz personenbezogener Daten bei der Digitalisierung von Verwaltungsprozessen.",
  },
  {
    key: "new-work",
    labelDe: "Neue Arbeitswelt / Arbeit 4.0",
    labelEn: "New work",
    description:
      "Moderne digitale Arbeitsplätze, mobiles Arbeiten und neue Formen der Zusammenarbeit in der Verwaltung.",
  },
  {
    key: "staff-qualification",
    labelDe: "Qualifizierung der Beschäftigten",
    labelEn: "Staff qualification",
    description: "Fortbildung und Kompetenzaufbau der Beschäftigten für den Umgang mit digitalen Anwendungen.",
  },
  {
    key: "change-management",
    labelDe: "Beteiligung und Veränderungsmanagement",
    labelEn: "Participation and change management",
    description:
      "Einbindung von Beschäftigten, Personalvertretung und Politik, damit der digitale Wandel mitgetragen wird.",
  },
  {
    key: "governance",
    labelDe: "Strategie, Steuerung und Organisation",
    labelEn: "Strategy, governance and organisation",
    description: "Strategischer Rahmen, Zuständigkeiten, Gremien und Organisationseinheiten für die Digitalisierung.",
  },
  {
    key: "sustainability",
    labelDe: "Nachhaltigkeit und Klimaschutz",
    labelEn: "Sustainability and climate",
    description:
      "Digitalisierung als Mittel, Ressourcen zu schonen, Energie zu sparen und nachhaltige Entwicklung zu fördern.",
  },
  {
    key: "infrastructure",
    labelDe: "IT-Infrastruktur",
    labelEn: "IT infrastructure",
    description:
      "Netze, Rechenzentren, Hardware und technische Grundlagen, auf denen digitale Verwaltung und Dienste laufen.",
  },
  {
    key: "broadband",
    labelDe: "Breitband und Glasfaser",
    labelEn: "Broadband and fibre",
    description: "Ausbau von Glasfaser- und Breitbandnetzen im Stadtgebiet.",
  },
  {
    key: "it-operations",
    labelDe: "IT-Betrieb",
    labelEn: "IT operations",
    description: "Betrieb der kommunalen IT, ob in eigener Regie oder durch einen IT-Dienstleister.",
  },
  {
    key: "process-optimisation",
    labelDe: "Prozessoptimierung",
    labelEn: "Process optimisation",
    description:
      "Erfassung, Priorisierung und Neugestaltung von Verwaltungsprozessen, damit sie durchgängig digital und ohne Medienbruch laufen.",
  },
  {
    key: "e-payment",
    labelDe: "E-Payment",
    labelEn: "E-payment",
    description: "Elektronisches Bezahlen von Verwaltungsleistungen und Gebühren.",
  },
  {
    key: "council-work",
    labelDe: "Digitale Ratsarbeit",
    labelEn: "Digital council work",
    description:
      "Digitale Unterstützung der Arbeit von Rat und Ausschüssen, etwa Ratsinformationssysteme, sowie die Einbindung der Politik.",
  },
  {
    key: "building-permits",
    labelDe: "Digitaler Bauantrag",
    labelEn: "Digital building permits",
    description: "Digitale Bauantrags- und Baugenehmigungsverfahren, etwa auf Basis der Standards XBau und XPlanung.",
  },
  {
    key: "smart-city",
    labelDe: "Smart City",
    labelEn: "Smart city",
    description: "Vernetzte, datengestützte Infrastruktur und Dienste im Stadtraum über die Verwaltung hinaus.",
  },
  {
    key: "recruiting",
    labelDe: "Digitales Bewerbermanagement",
    labelEn: "Digital recruiting",
    description: "Digitale Abwicklung von Stellenausschreibungen und Bewerbungsverfahren.",
  },
  {
    key: "waste-management",
    labelDe: "Digitales Abfallmanagement",
    labelEn: "Digital waste management",
    description: "Digitale Lösungen für Abfallentsorgung und Abfallbehälter im öffentlichen Raum.",
  },
  {
    key: "business-services",
    labelDe: "Digitale Leistungen für die Wirtschaft",
    labelEn: "Digital services for businesses",
    description: "Online-Angebote für Unternehmen, etwa Gewerbeanmeldung oder Serviceportale für die Wirtschaft.",
  },
  {
    key: "facility-management",
    labelDe: "Liegenschaften und Raumverwaltung",
    labelEn: "Property and room management",
    description: "Software zur Verwaltung städtischer Grundstücke, Gebäude und Räume einschließlich Raumreservierung.",
  },
  {
    key: "housing",
    labelDe: "Wohnungsverwaltung",
    labelEn: "Housing administration",
    description: "Digitale Verwaltung städtischer Wohnungen und wohnungsbezogener Verfahren.",
  },
  {
    key: "inter-municipal-cooperation",
    labelDe: "Interkommunale Zusammenarbeit",
    labelEn: "Inter-municipal cooperation",
    description:
      "Zusammenarbeit und Erfahrungsaustausch mehrerer Kommunen, etwa in Arbeitsgruppen oder gemeinsamen Projekten.",
  },
];
