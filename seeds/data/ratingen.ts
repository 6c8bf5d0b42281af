import type { CitySeed } from "../seed-data.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { REFERENCE } from "./sources.js";

const TRIMBORN = "ratingen-trimborn-2021";
const K21 = "kommune21-ratingen-2021-07-02";
const STRATEGY = "ratingen-digital-2025plus";
/** The date of the Kommune21 news item, "[2.7.2021]": the statuses it gives hold as of that day. */
const K21_DATE = "2021-07-02";
/** The Trimborn article gives no date of its own; it reports the adoption of late August 2021, so only its year is sure. */
const TRIMBORN_DATE = "2021";

const TREASURER_NOTE =
  "Der Name des Stadtkämmerers wird uneinheitlich geschrieben: „Martin Gentzsch“ im Fachbeitrag von Ulrike Trimborn, " +
  "„Martin Gentsch“ bei Kommune21.";

export const ratingen: CitySeed = {
  municipality: {
    slug: "ratingen",
    name: "Ratingen",
    officialKey: "05158028",
    state: State.NW,
    governmentRegion: "Düsseldorf",
    district: "Kreis Mettmann",
    population: 90000,
    populationAsOf: null,
    populationSource: TRIMBORN,
    website: "https://www.stadt-ratingen.de",
    note:
      "Die Einwohnerzahl ist eine gerundete Angabe: Der Fachbeitrag spricht von der „90.000-Einwohner-Stadt“, ohne Stichtag. " +
      "Die Website-Adresse stammt aus dem Verweis auf das Strategiepapier bei Kommune21. " +
      "AGS, Regierungsbezirk und Kreis sind öffentliche Referenzangaben; Kommune21 nennt den Regierungsbezirk Düsseldorf.",
    sources: [TRIMBORN, K21, REFERENCE],
  },

  engagements: [
    {
      provider: "regio-it",
      role: EngagementRole.IT_OPERATIONS,
      since: "2020",
      description:
        "Nach einem mehrstufigen Auswahlverfahren übernimmt regio iT Schritt für Schritt den größten Teil des operativen " +
        "IT-Betriebs der Stadt; das neue Amt für Digitalisierung und IT steuert die Zusammenarbeit. regio iT gilt zugleich " +
        "als wichtige Partnerin, wenn es um die Umsetzung der Strategie geht.",
      note:
        "Die Übertragung der IT-Infrastruktur wurde 2020 eingeleitet, die formelle Anbindung im Mai 2021 vollzogen (Kommune21). " +
        "„since“ gibt den Beginn der Übertragung an.",
      sources: [K21, TRIMBORN],
    },
    {
      provider: "regio-it",
      role: EngagementRole.CONSULTING,
      since: null,
      description:
        "regio iT hat die Stadtverwaltung bei der Erarbeitung des Strategiepapiers „Ratingen.digital 2025plus“ beraten.",
      note: "Beraten hat außerdem eine IT-Beratungsgesellschaft, deren Namen der Text nicht nennt; sie ist deshalb nicht als Anbieter erfasst.",
      sources: [K21],
    },
    {
      provider: "kommitt-ratingen",
      role: EngagementRole.INFRASTRUCTURE,
      since: null,
      description:
        "Die Stadtwerke-Tochter baut das Glasfasernetz in ganz Ratingen aus; der Ausbau soll bald abgeschlossen sein.",
      note: "Schreibweise im Fachbeitrag: „Kommitt Ratingen GmbH“.",
      sources: [TRIMBORN],
    },
    {
      provider: "kommitt-ratingen",
      role: EngagementRole.PARTNER,
      since: null,
      description:
        "Als Akteurin des digitalen Wandels soll die KomMITT mit der Stadt an der Smart City Ratingen arbeiten.",
      note: null,
      sources: [K21],
    },
    {
      provider: "stadtwerke-ratingen",
      role: EngagementRole.PARTNER,
      since: null,
      description:
        "Die Stadtwerke gehören zu den Akteuren, mit denen die Stadt die Smart City Ratingen weiterentwickeln will.",
      note: null,
      sources: [K21],
    },
    {
      provider: "inwest",
      role: EngagementRole.PARTNER,
      since: null,
      description:
        "Die Standortinitiative InWest ist als Partnerin für die Entwicklung der Smart City Ratingen genannt.",
      note: null,
      sources: [K21],
    },
    {
      provider: "ratingen-marketing",
      role: EngagementRole.PARTNER,
      since: null,
      description: "Ratingen Marketing ist als Partnerin für die Entwicklung der Smart City Ratingen genannt.",
      note: null,
      sources: [K21],
    },
  ],

  decisions: [
    {
      key: "it-uebertragung-stadtrat",
      reference: null,
      title: "Übertragung des überwiegenden Teils des operativen IT-Betriebs an einen Dienstleister",
      body: "Stadtrat Ratingen",
      date: null,
      outcome: DecisionOutcome.ADOPTED,
      description:
        "Als ersten Schritt aus der festgefahrenen Lage beschloss der Rat, den Großteil der operativen städtischen IT " +
        "an einen externen Dienstleister abzugeben.",
      note: "Ein Sitzungsdatum nennt der Text nicht; laut Kommune21 wurde die Übertragung an regio iT 2020 eingeleitet.",
      sources: [TRIMBORN],
    },
    {
      key: "ratingen-digital-2025plus-ausschuss-2021-06-24",
      reference: null,
      title: "Strategiepapier „Ratingen.digital 2025plus“",
      body: "Ausschuss für Digitalisierung",
      date: "2021-06-24",
      outcome: DecisionOutcome.PRESENTED,
      description:
        "Stadtkämmerer Martin Gentsch brachte als zuständiger Dezernent das Strategiepapier in den Digitalisierungsausschuss " +
        "des Rates ein; beraten werden sollte es in der ersten Sitzung nach der Sommerpause.",
      note:
        "Kommune21 nennt nur „am 24. Juni“; das Jahr 2021 folgt aus dem Datum der Meldung (2.7.2021). " +
        "Über die angekündigte Beratung nach der Sommerpause berichten die Texte nicht. " +
        TREASURER_NOTE,
      sources: [K21],
    },
    {
      key: "ratingen-digital-2025plus-stadtrat-2021-08",
      reference: null,
      title: "Digitalisierungsstrategie „Ratingen.digital 2025plus“",
      body: "Stadtrat Ratingen",
      date: "2021-08",
      outcome: DecisionOutcome.ADOPTED,
      description: "Der Stadtrat hat die Strategie einstimmig beschlossen.",
      note: "Der Fachbeitrag nennt „Ende August 2021“ und einleitend „im Sommer 2021“; einen Tag nennt er nicht.",
      sources: [TRIMBORN],
    },
  ],

  strategies: [
    {
      slug: STRATEGY,
      title: "Ratingen.digital 2025plus",
      status: StrategyStatus.ADOPTED,
      // "Der Stadtrat beschloss die Strategie Ende August 2021 einstimmig." (Trimborn)
      statusAsOf: "2021-08",
      presentedOn: "2021-06-24",
      adoptedOn: "2021-08",
      horizon: 2025,
      summary:
        "Digitalisierungsstrategie der Stadt Ratingen, erarbeitet von Stadtkämmerer und Beigeordnetem Martin Gentzsch zusammen " +
        "mit dem neuen Amt für Digitalisierung und Informationstechnologie. Sie soll Verwaltungsabläufe verbessern, Leistungen " +
        "online verfügbar machen und erstmals ein strategisches Vorgehen an die Stelle einzelner Ansätze setzen. Ausgehend " +
        "von einer Vision gliedert sie die Maßnahmen in zehn Digitalisierungsfelder und ordnet sie in einer nach Prioritäten " +
        "sortierten Roadmap, die vorerst bis 2025 reicht. Über die Verwaltung hinaus soll gemeinsam mit Stadtwerken, KomMITT, " +
        "InWest, Ratingen Marketing sowie interessierten Unternehmen und Bürgern die Smart City Ratingen entstehen.",
      vision:
        "Am Ziel lassen sich nahezu alle Anliegen an die Verwaltung online erledigen, Akten werden elektronisch geführt, " +
        "intelligente Gebäudetechnik hilft beim Energiesparen, Verkehrsampeln und Mülleimer im Stadtraum reagieren interaktiv, " +
        "die ganze Stadt hat Glasfaseranschluss und die Schulen können ohne Hindernisse digital unterrichten. Manche dieser " +
        "Ziele gelten als bald erreichbar, andere als langer Weg.",
      note:
        "Der Beschluss fiel laut Fachbeitrag „Ende August 2021“ (einleitend „im Sommer 2021“), ohne Tag. " +
        "Beraten haben regio iT und eine im Text nicht genannte IT-Beratungsgesellschaft. " +
        "Der Zeithorizont der Roadmap reicht „zunächst“ bis 2025 („2025plus“). " +
        TREASURER_NOTE,
      decisions: ["ratingen-digital-2025plus-ausschuss-2021-06-24", "ratingen-digital-2025plus-stadtrat-2021-08"],
      consultants: ["regio-it"],
      fieldsOfAction: [
        {
          position: 1,
          title: "Verwaltung online",
          description:
            "Bündelt Dienstleistungen, die wegen Onlinezugangsgesetz und E-Government-Gesetz Nordrhein-Westfalen kurzfristig " +
            "digital angeboten werden müssen; dazu gehört auch eine neue Homepage der Stadt.",
          topics: ["online-services", "website"],
          sources: [TRIMBORN, K21],
        },
        {
          position: 2,
          title: "Digitale Kommunikation",
          description:
            "Beispiele sind ein digitales Beschwerdemanagement sowie das besondere elektronische Behördenpostfach.",
          topics: ["digital-communication"],
          sources: [TRIMBORN],
        },
        {
          position: 3,
          title: "Digitale Anwendungen",
          description:
            "Fach- und Querschnittsanwendungen als digitales Gesicht der Verwaltung und ihrer Fachbereiche; Fachanwendungen " +
            "sollen für alle Verwaltungsbereiche hinzukommen, auch über interne Abläufe hinaus.",
          topics: ["specialist-software"],
          sources: [TRIMBORN, K21],
        },
        {
          position: 4,
          title: "Geografische Informationssysteme",
          description:
            "Raumbezogene Daten werden bereits in einem Geo-Portal dargestellt; dies soll in eine OpenData-Strategie eingebunden werden.",
          topics: ["gis", "open-data-ai"],
          sources: [TRIMBORN],
        },
        {
          position: 5,
          title: "Digitalisierung der Schulen",
          description: "Sieht die Digitalisierung der Schulen als Schlüssel für gute Bildung und Förderung der Kinder.",
          topics: ["schools"],
          sources: [TRIMBORN],
        },
        {
          position: 6,
          title: "Neue Arbeitswelt",
          description:
            "Internes Feld der Verwaltung. Die Position 6 ergibt sich aus der Reihenfolge der Aufzählung; der Text nummeriert die Felder 6 bis 8 nicht ausdrücklich.",
          topics: ["new-work"],
          sources: [TRIMBORN],
        },
        {
          position: 7,
          title: "Qualifizierung der Bediensteten",
          description:
            "Internes Feld der Verwaltung. Die Position 7 ergibt sich aus der Reihenfolge der Aufzählung; der Text nummeriert die Felder 6 bis 8 nicht ausdrücklich.",
          topics: ["staff-qualification"],
          sources: [TRIMBORN],
        },
        {
          position: 8,
          title: "Datenschutz und IT-Sicherheit",
          description:
            "Internes Feld der Verwaltung. Die Position 8 ergibt sich aus der Reihenfolge der Aufzählung; der Text nummeriert die Felder 6 bis 8 nicht ausdrücklich.",
          topics: ["it-security", "data-protection"],
          sources: [TRIMBORN],
        },
        {
          position: 9,
          title: "Künstliche Intelligenz, Big Data und Open Data",
          description: "Sammelt digitale Ansätze, mit denen Abläufe innerhalb der Verwaltung verbessert werden sollen.",
          topics: ["open-data-ai", "process-optimisation"],
          sources: [TRIMBORN],
        },
        {
          position: 10,
          title: "Nachhaltige Digitalisierung und Klimawandel",
          description:
            "Zeigt, wie Digitalisierung Ressourcen schonen und nachhaltige Entwicklung fördern kann, und legt erste Grundlagen für eine Smart City Ratingen.",
          topics: ["sustainability", "smart-city"],
          sources: [TRIMBORN],
        },
      ],
      budget: [],
      indicators: [],
      sources: [TRIMBORN, K21],
    },
  ],

  projects: [
    {
      slug: "ratingen-amt-digitalisierung-it",
      title: "Amt für Digitalisierung und Informationstechnologie",
      summary:
        "Bürgermeister Klaus Pesch (parteilos) hat ein eigenes Amt für Digitalisierung und IT gebildet, um der städtischen IT " +
        "mehr Gewicht zu geben. Es lenkt die Kooperation mit dem IT-Dienstleister, treibt die Digitalisierung voran " +
        "und hat die Strategie mit erarbeitet. Leiter ist André Dietze.",
      status: ProjectStatus.COMPLETED,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: null,
      fieldOfAction: null,
      topics: ["governance", "it-operations"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: "2021-05-01",
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Gebildet zum 1. Mai 2021 (zweiter Schritt nach dem Ratsbeschluss zur Übertragung des IT-Betriebs).",
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-it-transfer-regio-it",
      title: "Übertragung des IT-Betriebs an regio iT",
      summary:
        "Das über Jahrzehnte selbst betriebene Rechenzentrum wurde wegen fehlender IT-Fachkräfte immer weniger handlungsfähig. " +
        "Der Rat beschloss, den überwiegenden Teil des operativen IT-Betriebs an einen Dienstleister zu übertragen; nach einem " +
        "mehrstufigen Auswahlverfahren übernimmt regio iT nach und nach große Teile des IT-Betriebs.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: K21_DATE,
      statusSource: K21,
      strategy: null,
      fieldOfAction: null,
      topics: ["it-operations", "infrastructure"],
      startedOn: "2020",
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: ["regio-it"],
      products: [],
      partners: [],
      note:
        "Laut Kommune21 wurde die Übertragung der IT-Infrastruktur 2020 eingeleitet und die formelle Anbindung im Mai 2021 vollzogen; " +
        "der Fachbeitrag beschreibt die Übernahme als schrittweise und noch laufend.",
      sources: [K21, TRIMBORN],
    },
    {
      slug: "ratingen-ozg-online-services",
      title: "Online-Verwaltungsleistungen nach OZG und E-Government-Gesetz NRW",
      summary:
        "Leistungen, die nach dem Onlinezugangsgesetz und dem E-Government-Gesetz Nordrhein-Westfalen kurzfristig online " +
        "verfügbar sein müssen, werden im Feld „Verwaltung online“ gebündelt; die Stadt nennt die Umsetzung ein wichtiges Handlungsfeld.",
      status: ProjectStatus.PLANNED,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 1,
      topics: ["online-services"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Einen Zeitplan oder Umsetzungsstand nennen die Texte nicht.",
      sources: [TRIMBORN, K21],
    },
    {
      slug: "ratingen-website-relaunch",
      title: "Erneuerung der städtischen Website",
      summary:
        "Die Homepage der Stadt soll erneuert werden, um Wissen übersichtlicher zu vermitteln und nützliche Anwendungen anzubieten; " +
        "sie gehört zum Feld „Verwaltung online“.",
      status: ProjectStatus.PLANNED,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 1,
      topics: ["website", "online-services"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: null,
      sources: [TRIMBORN, K21],
    },
    {
      slug: "ratingen-behoerdenpostfach",
      title: "Besonderes elektronisches Behördenpostfach",
      summary:
        "Das besondere elektronische Behördenpostfach ist als Leistung im Feld „Digitale Kommunikation“ vorgesehen.",
      status: ProjectStatus.PLANNED,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 2,
      topics: ["digital-communication"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Einen Umsetzungsstand nennt der Text nicht.",
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-beschwerdemanagement",
      title: "Digitales Beschwerdemanagement",
      summary: "Ein digitales Beschwerdemanagement ist als Leistung im Feld „Digitale Kommunikation“ vorgesehen.",
      status: ProjectStatus.PLANNED,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 2,
      topics: ["digital-communication"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Einen Umsetzungsstand nennt der Text nicht.",
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-fachanwendungen",
      title: "Fachanwendungen für alle Verwaltungsbereiche",
      summary:
        "Für sämtliche Bereiche der Verwaltung sollen Fachanwendungen hinzukommen, die auch über interne Dienstabläufe hinausreichen.",
      status: ProjectStatus.PLANNED,
      statusAsOf: K21_DATE,
      statusSource: K21,
      strategy: STRATEGY,
      fieldOfAction: 3,
      topics: ["specialist-software"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: null,
      sources: [K21, TRIMBORN],
    },
    {
      slug: "ratingen-geoportal-open-data",
      title: "Geo-Portal und OpenData-Strategie",
      summary:
        "Die umfangreichen Geodaten der Stadt werden bereits in einem Geo-Portal dargestellt; künftig sollen sie Teil einer OpenData-Strategie werden.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 4,
      topics: ["gis", "open-data-ai"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Das Geo-Portal wird schon genutzt; die Einbindung in eine OpenData-Strategie ist erst vorgesehen.",
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-schulen-ausstattung",
      title: "Digitale Ausstattung der Schulen",
      summary:
        "Die Schulen haben bereits einen hohen technischen Ausstattungsgrad, der laufend erweitert wird; Ziel ist reibungsloser digitaler Unterricht.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: 5,
      topics: ["schools", "infrastructure"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: null,
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-glasfaserausbau",
      title: "Flächendeckender Glasfaserausbau",
      summary:
        "Die Stadtwerke-Tochter KomMITT Ratingen GmbH baut das Glasfasernetz im gesamten Stadtgebiet aus; der Ausbau soll bald " +
        "abgeschlossen sein. Ein vollständig angebundenes Ratingen ist Teil der Vision der Strategie.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: TRIMBORN_DATE,
      statusSource: TRIMBORN,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["broadband", "infrastructure", "smart-city"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: ["kommitt-ratingen"],
      products: [],
      partners: [],
      note: "Der Text ordnet den Ausbau keinem der zehn Felder zu und nennt kein Abschlussdatum („schon bald“).",
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-smart-city",
      title: "Smart City Ratingen",
      summary:
        "Über die Verwaltung hinaus soll sich die Smart City Ratingen in den nächsten Jahren entwickeln und Gestalt annehmen. " +
        "Partner sollen dabei neben interessierten Firmen und Bürgern die Stadtwerke, die KomMITT, Ratingen Marketing und die " +
        "Standortinitiative InWest sein; das Feld „Nachhaltige Digitalisierung und Klimawandel“ schafft erste Ansätze.",
      status: ProjectStatus.IDEA,
      statusAsOf: K21_DATE,
      statusSource: K21,
      strategy: STRATEGY,
      fieldOfAction: 10,
      topics: ["smart-city", "sustainability"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: ["stadtwerke-ratingen", "kommitt-ratingen", "inwest", "ratingen-marketing"],
      products: [],
      partners: [],
      note: null,
      sources: [K21, TRIMBORN],
    },
  ],

  lessons: [
    {
      slug: "ratingen-eigenes-rechenzentrum-fachkraeftemangel",
      title: "Eigenes Rechenzentrum verliert wegen Fachkräftemangels an Handlungsfähigkeit",
      body:
        "Ratingen hat sein jahrzehntelang selbst betriebenes Rechenzentrum immer schwerer am Laufen halten können, weil IT-Fachkräfte " +
        "fehlten. Hinzu kam, dass es zwar gute Einzelansätze, aber kein strategisches Vorgehen gab. Die Stadt hat daraus die " +
        "Konsequenz gezogen, den operativen Betrieb größtenteils an einen kommunalnahen Dienstleister zu übertragen, der ihn schrittweise übernimmt.",
      kind: LessonKind.PITFALL,
      project: "ratingen-it-transfer-regio-it",
      topics: ["it-operations", "governance"],
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-drei-schritte",
      title: "In drei Schritten aus der Sackgasse: Betrieb abgeben, Amt gründen, Strategie schreiben",
      body:
        "Ratingen ist schrittweise vorgegangen: Zuerst beschloss der Rat, den überwiegenden Teil des operativen IT-Betriebs an einen " +
        "Dienstleister zu übertragen (die Übergabe selbst läuft schrittweise), dann erhielt die IT mit einem eigenen Amt mehr Gewicht " +
        "in der Verwaltung, und erst danach wurde die Strategie erarbeitet – vom Kämmerer gemeinsam mit dem neuen Amt. Der einstimmige " +
        "Ratsbeschluss zur Strategie gilt im Beitrag als Startsignal.",
      kind: LessonKind.SUCCESS,
      project: null,
      topics: ["governance", "it-operations"],
      sources: [TRIMBORN],
    },
    {
      slug: "ratingen-vision-felder-roadmap",
      title: "Von der Vision über Handlungsfelder zur priorisierten Roadmap",
      body:
        "Das Strategiepapier beginnt mit einem Zielbild und leitet daraus zehn Felder und eine nach Prioritäten geordnete Roadmap ab. " +
        "Dabei wird offen unterschieden zwischen Zielen, die bald erreichbar sind, etwa Glasfaser und Schulausstattung, und solchen, " +
        "die einen längeren Weg erfordern.",
      kind: LessonKind.RECOMMENDATION,
      project: null,
      topics: ["governance"],
      sources: [TRIMBORN],
    },
  ],
};
