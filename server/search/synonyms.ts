/** A group of terms that mean the same to people searching, and why they belong together. */
export interface SynonymGroup {
  /** Written as users write them; multi-word terms are allowed. */
  terms: readonly string[];
  /** Why these are synonyms here: reviewed like code. */
  reason: string;
}

/**
 * The reviewed synonym list of both engines. Searching any term of a group also finds
 * the others (as words and as the start of compounds, "Kindergarten" in
 * "Kindergartenverwaltung"). Add a group only with a reason a reviewer can check.
 */
export const SYNONYMS: readonly SynonymGroup[] = [
  {
    terms: ["Kita", "Kindertagesstätte", "Kindergarten", "Kindertagespflege", "Kindertageseinrichtung"],
    reason:
      "Municipal child care: councils and parents say Kita, statutes say Kindertagesstätte or Kindertageseinrichtung, older papers Kindergarten; Kindertagespflege is the same municipal service in a childminder's home and is administered by the same software.",
  },
  {
    terms: ["E-Akte", "elektronische Akte", "digitale Akte"],
    reason: "The electronic file of the administration: one system, three names used side by side in council papers.",
  },
  {
    terms: ["OZG", "Onlinezugangsgesetz"],
    reason:
      "OZG is the abbreviation of the Onlinezugangsgesetz, the federal act that obliges online access to administrative services.",
  },
  {
    terms: ["IKZ", "interkommunale Zusammenarbeit"],
    reason: "IKZ is the common abbreviation of interkommunale Zusammenarbeit, the subject of this hub.",
  },
  {
    terms: ["GIS", "Geoinformationssystem", "Geoportal"],
    reason:
      "Municipal geodata: the GIS is the system, the Geoportal its public face; searches for either mean the same projects.",
  },
  {
    terms: ["Glasfaser", "Breitband"],
    reason: "Fibre roll-out is funded and reported as Breitbandausbau; residents and councils ask for Glasfaser.",
  },
  {
    terms: ["Digitalisierungsstrategie", "Digitalstrategie", "Digitale Agenda"],
    reason:
      "Municipalities name their digitalisation strategy differently (Ratingen: Digitalstrategie, others: Digitale Agenda); it is one kind of document.",
  },
  {
    terms: ["WLAN", "WiFi", "Hotspot"],
    reason: "Public wireless internet in town halls, schools and squares is called any of these.",
  },
  {
    terms: ["Ratsinformationssystem", "RIS", "Sitzungsdienst"],
    reason:
      "The council information system (RIS) is the software of the Sitzungsdienst; projects are named after either.",
  },
  {
    terms: ["Bürgerservice", "Bürgerbüro", "Bürgeramt"],
    reason: "The citizens' service office has a different name in every town.",
  },
];
