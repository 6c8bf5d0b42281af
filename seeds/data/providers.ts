import type { ProviderSeed } from "../seed-data.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { State } from "../../schema/municipality/state.enum.js";
import { REFERENCE } from "./sources.js";

/**
 * Organisations that serve the seeded municipalities. Legal names, seats and served states
 * of regio iT, ekom21 and KRZN are the public reference facts given in the seed documents' index, cited as such.
 */
export const providers: ProviderSeed[] = [
  {
    slug: "regio-it",
    name: "regio iT",
    legalName: "regio iT Gesellschaft für Informationstechnologie mbH",
    kind: ProviderKind.MUNICIPAL_IT_SERVICE_PROVIDER,
    seat: "Aachen",
    statesServed: [State.NW],
    website: null,
    description:
      "Kommunalnaher IT-Dienstleister mit Hauptsitz in Aachen. Übernimmt schrittweise große Teile des IT-Betriebs " +
      "der Stadt Ratingen und hat die Stadt bei ihrer Digitalisierungsstrategie beraten. " +
      "Der Fachbeitrag aus Ratingen schreibt den Namen „Regio IT“.",
    sources: ["ratingen-trimborn-2021", "kommune21-ratingen-2021-07-02", REFERENCE],
  },
  {
    slug: "ekom21",
    name: "ekom21",
    legalName: "ekom21 – KGRZ Hessen",
    kind: ProviderKind.MUNICIPAL_IT_SERVICE_PROVIDER,
    seat: "Gießen",
    statesServed: [State.HE],
    website: null,
    description:
      "Hessisches IT-Dienstleistungsunternehmen für Kommunen; hat Kelsterbach beraten und mit der Stadt den " +
      "Programmauftrag für #GoDigital erarbeitet.",
    sources: ["kelsterbach-aktuell-2023-10", REFERENCE],
  },
  {
    slug: "krzn",
    name: "KRZN",
    legalName: "Kommunales Rechenzentrum Niederrhein",
    kind: ProviderKind.MUNICIPAL_IT_SERVICE_PROVIDER,
    seat: "Kamp-Lintfort",
    statesServed: [State.NW],
    website: null,
    description:
      "Kommunales Rechenzentrum (Zweckverband). Anbieter der Kita-Software JUGIS, die es mit zentraler Datenhaltung " +
      "selbst betreibt; bei ihm nutzt Herten zahlreiche weitere Verfahren, darunter das Einwohnerverfahren Meso und " +
      "das Kassenverfahren SAP.",
    sources: ["herten-vorlage-18-203", REFERENCE],
  },
  {
    slug: "unity-ag",
    name: "Unity AG",
    legalName: "Unity AG",
    kind: ProviderKind.CONSULTANCY,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Beratungsunternehmen, das die Stadt Hildesheim ab Dezember 2019 bei der Erarbeitung ihrer " +
      "Digitalisierungsstrategie unterstützt; laut Vorlage sollte sie die Strategie am 14.09.2020 im Fachausschuss vorstellen.",
    sources: ["hildesheim-vorlage-20-281"],
  },
  {
    slug: "software-beratung-meinhard",
    name: "Software & Beratung Meinhard GmbH",
    legalName: "Software & Beratung Meinhard GmbH",
    kind: ProviderKind.SOFTWARE_VENDOR,
    seat: null,
    statesServed: [],
    website: null,
    description: "Hersteller der Kita-Abrechnungssoftware winkita, die Herten mit erworbenen Lizenzen einsetzt.",
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "prosoz-herten",
    name: "PROSOZ Herten GmbH",
    legalName: "PROSOZ Herten GmbH",
    kind: ProviderKind.MUNICIPAL_COMPANY,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Gesellschaft, die die Vorlage 18/203 zu den Tochterunternehmen der Stadt Herten zählt. Hat im April 2018 " +
      "das erste Digitalisierungs-Barcamp ausgerichtet und ihre Unterstützung bei Erarbeitung und Umsetzung der " +
      "Strategie zugesagt.",
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "hertener-stadtwerke",
    name: "Hertener Stadtwerke GmbH",
    legalName: "Hertener Stadtwerke GmbH",
    kind: ProviderKind.MUNICIPAL_COMPANY,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Stadtwerke der Stadt Herten. Hosten die bisher eingesetzte Kita-Software winkita und haben ihre Unterstützung " +
      "bei der Digitalisierungsstrategie zugesagt.",
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "stadtwerke-ratingen",
    name: "Stadtwerke Ratingen",
    legalName: null,
    kind: ProviderKind.MUNICIPAL_COMPANY,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Stadtwerke in Ratingen (die Texte sprechen nur von „den Stadtwerken“); Partner der Stadt bei der " +
      "Weiterentwicklung der Smart City Ratingen und Muttergesellschaft der KomMITT Ratingen GmbH.",
    sources: ["kommune21-ratingen-2021-07-02", "ratingen-trimborn-2021"],
  },
  {
    slug: "kommitt-ratingen",
    name: "KomMITT Ratingen GmbH",
    legalName: "KomMITT Ratingen GmbH",
    kind: ProviderKind.MUNICIPAL_COMPANY,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Tochter der Stadtwerke Ratingen, die den flächendeckenden Glasfaserausbau in Ratingen übernimmt. " +
      "Schreibweise uneinheitlich: „Kommitt Ratingen GmbH“ im Fachbeitrag, „KomMITT“ bei Kommune21.",
    sources: ["ratingen-trimborn-2021", "kommune21-ratingen-2021-07-02"],
  },
  {
    slug: "inwest",
    name: "InWest",
    legalName: null,
    kind: ProviderKind.ASSOCIATION,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Standortinitiative, die Kommune21 als Partnerin Ratingens für die Smart City nennt; Rechtsform und Träger nennt der Text nicht.",
    sources: ["kommune21-ratingen-2021-07-02"],
  },
  {
    slug: "ratingen-marketing",
    name: "Ratingen Marketing",
    legalName: null,
    kind: ProviderKind.OTHER,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Von Kommune21 genannte Partnerin Ratingens bei der Smart City; Rechtsform und Eigentümer nennt der Text nicht.",
    sources: ["kommune21-ratingen-2021-07-02"],
  },
  {
    slug: "vhw",
    name: "vhw Bundesverband",
    legalName: null,
    kind: ProviderKind.ASSOCIATION,
    seat: null,
    statesServed: [],
    website: null,
    description:
      "Bundesverband, der im Mai 2021 die Kelsterbacher Mitarbeiterin Ramona Krieger zur Digitalisierungsbeauftragten zertifiziert hat.",
    sources: ["kelsterbach-aktuell-2023-10"],
  },
];
