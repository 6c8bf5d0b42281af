import type { ProductSeed } from "../seed-data.js";

/** Software products the texts name. `vendor` is set only where a text names the maker. */
export const products: ProductSeed[] = [
  {
    slug: "jugis",
    name: "JUGIS",
    vendor: "krzn",
    description:
      "Software für Kindertagesstätten und Kindertagespflege, die die Vorlage als Software „des KRZN“ bezeichnet. Bausteine laut Angebot an Herten: " +
      "ETB/KTE (Verwaltung der Kindertagesstätten und Erhebung der Elternbeiträge), Kita-Online (webbasiertes Bedarfs- " +
      "und Anmeldeverfahren, bei dem Eltern drei Wunscheinrichtungen angeben), Kindertagespflege (Vermittlung und Abrechnung, auch " +
      "Großtagespflege) und DataWarehouse (zentraler Betrieb und Datenhaltung beim KRZN). Abgerechnet wird eine " +
      "Nutzungsgebühr, die Bereitstellung, Betrieb, Updates und gesetzliche Anpassungen sowie die Anbindung an Meso und SAP umfasst.",
    topics: ["childcare", "online-services", "specialist-software"],
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "winkita",
    name: "winkita",
    vendor: "software-beratung-meinhard",
    description:
      "Software zur Abrechnung von Kindergartenbeiträgen und Kindertagespflege, in Herten mit gekauften Lizenzen genutzt " +
      "und bei den Hertener Stadtwerken gehostet. Herten nutzt laut Vorlage nur ihr Abrechnungstool; eine Online-Anmeldung mit " +
      "Schnittstelle zur Abrechnung gibt es dort nicht. Die Verwaltung der Einrichtungen sieht winkita laut Vorlage nicht vor, " +
      "Schnittstellen zu Meso und SAP enthält sie nicht, und die Großtagespflege lässt sich damit nicht abrechnen.",
    topics: ["childcare", "specialist-software"],
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "meso",
    name: "Meso",
    vendor: null,
    description:
      "Einwohnerverfahren, das Herten beim KRZN nutzt (das KRZN betreibt es; den Hersteller nennt der Text nicht). " +
      "Die Vorlage schreibt sowohl „Meso“ als auch „MESO“.",
    topics: ["specialist-software"],
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "sap",
    name: "SAP",
    vendor: null,
    description:
      "Als Kassenverfahren beim KRZN genutzt (das KRZN betreibt es; einen Hersteller nennt der Text nicht). " +
      "JUGIS bindet es direkt an, sodass gesonderte Rechenläufe entfallen.",
    topics: ["specialist-software"],
    sources: ["herten-vorlage-18-203"],
  },
  {
    slug: "kommsoft",
    name: "Kommsoft",
    vendor: null,
    description:
      "Werkzeug zur Reservierung städtischer Räumlichkeiten, dessen Einführung Kelsterbach für 2023 plant. " +
      "Den Hersteller nennt der Text nicht.",
    topics: ["facility-management"],
    sources: ["kelsterbach-aktuell-2023-10"],
  },
  {
    slug: "allris",
    name: "ALLRIS",
    vendor: null,
    description:
      "Ratsinformationssystem, aus dem die Hildesheimer Vorlage 20/281 stammt; die Seite trägt den Vermerk " +
      "„ALLRIS® Office Integration 3.9.2“. Den Hersteller nennt der Text nicht.",
    topics: ["council-work"],
    sources: ["hildesheim-vorlage-20-281"],
  },
];
