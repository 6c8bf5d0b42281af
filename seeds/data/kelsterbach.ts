import type { CitySeed } from "../seed-data.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { REFERENCE } from "./sources.js";

const KA = "kelsterbach-aktuell-2023-10";
const STRATEGY = "kelsterbach-godigital";

const OUTLOOK_2023 = "Im „Ausblick 2023“ als Vorhaben für das Jahr 2023 genannt; ein genauerer Termin fehlt.";

/** The issue the report's statuses are of, "Ausgabe 10/2023": only the year is certain (see the source's note). */
const STATUS_AS_OF = "2023";

export const kelsterbach: CitySeed = {
  municipality: {
    slug: "kelsterbach",
    name: "Kelsterbach",
    officialKey: "06433007",
    state: State.HE,
    governmentRegion: "Darmstadt",
    district: "Kreis Groß-Gerau",
    population: null,
    populationAsOf: null,
    populationSource: null,
    website: null,
    note: "AGS, Regierungsbezirk und Kreis sind öffentliche Referenzangaben; der Artikel spricht nur allgemein vom „Kreis“.",
    sources: [KA, REFERENCE],
  },

  engagements: [
    {
      provider: "ekom21",
      role: EngagementRole.CONSULTING,
      since: null,
      description:
        "Kelsterbach ließ sich von der ekom21 beraten und erarbeitete gemeinsam mit ihr einen Programmauftrag, der zur Grundlage des Programms #GoDigital wurde.",
      note: "Wann die Beratung begann, nennt der Text nicht; das Programm läuft seit Februar 2022.",
      sources: [KA],
    },
    {
      provider: "vhw",
      role: EngagementRole.TRAINING,
      since: "2021-05",
      description: "Der vhw Bundesverband hat Ramona Krieger im Mai 2021 als Digitalisierungsbeauftragte zertifiziert.",
      note: null,
      sources: [KA],
    },
  ],

  decisions: [],

  strategies: [
    {
      slug: STRATEGY,
      title: "#GoDigital",
      status: StrategyStatus.IN_IMPLEMENTATION,
      statusAsOf: STATUS_AS_OF,
      presentedOn: null,
      // "adoptedOn" is the date a strategy was adopted or came into force; #GoDigital "läuft seit Februar 2022".
      adoptedOn: "2022-02",
      horizon: null,
      summary:
        "Digitalisierungsprogramm der Stadtverwaltung Kelsterbach, hervorgegangen aus einem mit der ekom21 erarbeiteten Programmauftrag und in " +
        "Kraft seit Februar 2022. Ein Programmteam aus Leitungsteam, Digitalisierungslotsinnen und -lotsen, IT-Sicherheits- und Datenschutzbeauftragtem " +
        "sowie Personalvertretung entwickelt es laufend weiter und prüft es jährlich. Eine Priorisierungsliste nach Bürgerinteresse, Fallzahlen und " +
        "Prozessgestaltung bestimmt, welche Ressorts zuerst digitalisiert werden: zunächst Bürgerbüro, Gewerbe- und Ordnungsamt sowie Kämmerei, " +
        "2023 und 2024 weitere Ressorts. Für 2023 sind weitere OZG-Onlineprozesse, die Optimierung bestehender Prozesse, die Fortschreibung der " +
        "Strategie und mehrere Fachverfahren vorgesehen.",
      vision: null,
      note:
        "Der Text schreibt den Namen einmal „#Godigital“ und einmal „#GoDigital“. Einen Ratsbeschluss nennt er nicht; das Programm läuft seit " +
        "Februar 2022, eingetragen als Datum des Inkrafttretens. Handlungsfelder im engeren Sinn nennt der Text nicht.",
      decisions: [],
      consultants: ["ekom21"],
      fieldsOfAction: [],
      budget: [],
      indicators: [
        {
          key: "processes-identified",
          name: "In der gesamten Verwaltung identifizierte Prozesse",
          value: 176,
          unit: "Prozesse",
          asOf: null,
          note: "„bisher“, also Stand des Jahresberichts (Kelsterbach aktuell, Ausgabe 10/2023); ein Stichtag fehlt.",
          sources: [KA],
        },
        {
          key: "processes-done-2022",
          name: "Im Jahr 2022 bearbeitete Prozesse",
          value: 64,
          unit: "Prozesse",
          asOf: "2022",
          note:
            "Der Text sagt „bearbeitet“, nicht ausdrücklich „abgeschlossen“. Er fügt hinzu, man finde „sie“ auf der Website unter „e-Services“; " +
            "ob damit alle 64 Prozesse gemeint sind, bleibt offen.",
          sources: [KA],
        },
        {
          key: "department-staff",
          name: "Beschäftigte der Abteilung eGovernment & Digitalisierung",
          value: 2,
          unit: "Personen",
          asOf: null,
          note:
            "Die Digitalisierungsbeauftragte Ramona Krieger und eine zusätzlich eingestellte Mitarbeiterin (Xenia Lämmle) bilden „nun“ die Abteilung; " +
            "der Text schreibt „eGovernement“. Stand des Jahresberichts.",
          sources: [KA],
        },
      ],
      sources: [KA],
    },
  ],

  projects: [
    {
      slug: "kelsterbach-abteilung-digitalisierung",
      title: "Abteilung eGovernment & Digitalisierung",
      summary:
        "Seit Juli 2021 hat die Stadtverwaltung eine eigene Abteilung für Digitalisierung. Am Anfang stand die Zertifizierung von Ramona Krieger zur " +
        "Digitalisierungsbeauftragten im Mai 2021; danach wurden Digitalisierungslotsinnen und -lotsen aus verschiedenen Bereichen als Bindeglied zu " +
        "den Teams und Ressorts gewonnen. Weil die Umstellung der bislang papierbasierten Verwaltung sehr umfangreich ist, kam eine weitere Mitarbeiterin " +
        "hinzu; gemeinsam mit Xenia Lämmle treibt Ramona Krieger unter anderem Online-Anträge voran.",
      status: ProjectStatus.COMPLETED,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: null,
      fieldOfAction: null,
      topics: ["governance", "staff-qualification"],
      startedOn: "2021-05",
      plannedEndOn: null,
      completedOn: "2021-07",
      costs: [],
      providers: ["vhw"],
      products: [],
      partners: [],
      note:
        "Der Text schreibt „Abteilung eGovernement & Digitalisierung“. Wann die zweite Mitarbeiterin eingestellt wurde, sagt er nicht. " +
        "„completedOn“ ist der Monat, seit dem es die Abteilung gibt.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-priorisierte-ressorts",
      title: "Digitalisierung priorisierter Ressorts und Prozesse",
      summary:
        "Anhand einer Priorisierungsliste (Bürgerinteresse, Fallzahlen, Prozessgestaltung) wurden die Ressorts ausgewählt, die vorrangig digitalisiert " +
        "werden: Bürgerbüro, Gewerbe- und Ordnungsamt sowie Kämmerei. Für 2023 und 2024 folgen Schule, Soziales, Familie und Integration; Bauen, Planen " +
        "und Umwelt; Zentrale Steuerung sowie Innere Organisation. Von 176 identifizierten Prozessen wurden 2022 bereits 64 bearbeitet; 2023 sollen " +
        "bestehende Prozesse weiter optimiert werden.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["process-optimisation", "online-services"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note:
        "Die Aufzählung der Ressorts für 2023/2024 ist nur durch Kommas gegliedert; wie sie sich genau auf Ressorts verteilt, ist nicht eindeutig. " +
        "Der Abschnitt steht unter „Bereits umgesetzte Projekte“, ob die ersten drei Ressorts abgeschlossen sind, sagt der Text aber nicht.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-e-services",
      title: "Onlinedienstleistungskatalog „e-Services“",
      summary:
        "Auf der städtischen Website bündelt die Rubrik „e-Services“ die digitalisierten Leistungen, zum Beispiel Anträge auf Bewohnerparkausweis, " +
        "Hauswasseranschluss oder Kinderausweis, das digitale Fundbüro und die Anmeldung zur Musikschule. 2023 sollen weitere Onlineprozesse nach " +
        "dem Onlinezugangsgesetz hinzukommen.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["online-services", "website"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: null,
      sources: [KA],
    },
    {
      slug: "kelsterbach-e-akte",
      title: "Einführung der e-Akte und des elektronischen Posteingangs",
      summary:
        "Seit Juli 2022 arbeitet das Digitalisierungsteam an e-Akte und elektronischem Posteingang. Nach ersten Schulungen entstand ein Gesamtaktenplan " +
        "für die ganze Verwaltung, der mit jedem Team einzeln abgestimmt und ergänzt werden musste; das Vorhaben erweist sich als schwierig.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["e-file", "process-optimisation", "staff-qualification"],
      startedOn: "2022-07",
      plannedEndOn: "2023-12",
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Der Abschluss ist „nun“ für Dezember 2023 vorgesehen; das Wort deutet auf eine Verschiebung hin, einen früheren Termin nennt der Text aber nicht.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-kindergartenverwaltung",
      title: "Digitale Kindergartenverwaltung",
      summary: "Die digitale Kindergartenverwaltung soll 2023 fertiggestellt und veröffentlicht werden.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["childcare", "online-services"],
      startedOn: null,
      plannedEndOn: "2023",
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: OUTLOOK_2023 + " „Finalisiert“ setzt voraus, dass das Vorhaben bereits begonnen hat.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-wohnungsverwaltung",
      title: "Wohnungsverwaltung",
      summary:
        "Zusammen mit der Kindergartenverwaltung soll 2023 auch die Wohnungsverwaltung fertiggestellt und veröffentlicht werden.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["housing"],
      startedOn: null,
      plannedEndOn: "2023",
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: OUTLOOK_2023 + " Ob sich „digitale“ auch auf die Wohnungsverwaltung bezieht, lässt der Satzbau offen.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-lugm",
      title: "Land- und Gebäudemanagementsoftware (LuGM)",
      summary: "Eine Software für das Land- und Gebäudemanagement soll 2023 eingeführt werden.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["facility-management", "specialist-software"],
      startedOn: null,
      plannedEndOn: "2023",
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: OUTLOOK_2023 + " Ein Produkt oder Hersteller wird nicht genannt.",
      sources: [KA],
    },
    {
      slug: "kelsterbach-raumreservierung-kommsoft",
      title: "Reservierungstool für städtische Räumlichkeiten (Kommsoft)",
      summary:
        "Städtische Räume sollen künftig über das Reservierungswerkzeug Kommsoft gebucht werden; die Einführung ist für 2023 vorgesehen.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["facility-management"],
      startedOn: null,
      plannedEndOn: "2023",
      completedOn: null,
      costs: [],
      providers: [],
      products: ["kommsoft"],
      partners: [],
      note: OUTLOOK_2023,
      sources: [KA],
    },
    {
      slug: "kelsterbach-digitale-baugenehmigung",
      title: "Digitales Baugenehmigungsverfahren (XPlanung und XBau)",
      summary:
        "Ein digitales Baugenehmigungsverfahren auf Grundlage der Standards XPlanung und XBau soll 2023 eingeführt werden.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: KA,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["building-permits", "online-services"],
      startedOn: null,
      plannedEndOn: "2023",
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: OUTLOOK_2023,
      sources: [KA],
    },
  ],

  lessons: [
    {
      slug: "kelsterbach-aktenplan-mit-jedem-team",
      title: "E-Akte: Der Aktenplan muss mit jedem Team einzeln abgestimmt werden",
      body:
        "Die Einführung der e-Akte erwies sich als mühsam. Der nach den ersten Schulungen entworfene Aktenplan für die gesamte Verwaltung ließ sich " +
        "nicht zentral festlegen, sondern musste in Einzelgesprächen mit jedem Team im Rathaus durchgegangen und ergänzt werden. Der geplante " +
        "Abschluss liegt inzwischen bei Dezember 2023.",
      kind: LessonKind.PITFALL,
      project: "kelsterbach-e-akte",
      topics: ["e-file", "change-management"],
      sources: [KA],
    },
    {
      slug: "kelsterbach-priorisierung",
      title: "Prozesse nach Bürgerinteresse, Fallzahlen und Prozessgestaltung priorisieren",
      body:
        "Kelsterbach hat eine Liste erstellt, die Leistungen danach gewichtet, wie wichtig sie den Bürgerinnen und Bürgern sind, wie viele Fälle " +
        "anfallen und wie der Prozess gestaltet ist. Daraus ergab sich, welche Ressorts zuerst an der Reihe sind und welche in den Folgejahren.",
      kind: LessonKind.RECOMMENDATION,
      project: "kelsterbach-priorisierte-ressorts",
      topics: ["process-optimisation", "governance"],
      sources: [KA],
    },
    {
      slug: "kelsterbach-strategie-jaehrlich-pruefen",
      title: "Die Strategie als Prozess verstehen und jährlich nachjustieren",
      body:
        "Das Programm #GoDigital gilt nicht als feststehendes Dokument: Das Programmteam überarbeitet es fortlaufend, begutachtet es einmal im Jahr " +
        "und passt es an.",
      kind: LessonKind.RECOMMENDATION,
      project: null,
      topics: ["governance"],
      sources: [KA],
    },
    {
      slug: "kelsterbach-lotsen-und-programmteam",
      title: "Digitalisierungslotsen und ein breit besetztes Programmteam",
      body:
        "Lotsinnen und Lotsen aus den Fachbereichen verbinden die Digitalisierungsabteilung mit den Teams und Ressorts. Im Programmteam sitzen neben " +
        "der Leitung auch IT-Sicherheits- und Datenschutzbeauftragter sowie die Personalvertretung, sodass Anforderungen und Möglichkeiten der " +
        "Verwaltung regelmäßig gemeinsam betrachtet werden.",
      kind: LessonKind.SUCCESS,
      project: null,
      topics: ["change-management", "governance", "it-security", "data-protection"],
      sources: [KA],
    },
    {
      slug: "kelsterbach-zusaetzliches-personal",
      title: "Eine papiergestützte Verwaltung zu digitalisieren braucht zusätzliches Personal",
      body:
        "Der Umfang der Aufgabe führte dazu, dass neben der Digitalisierungsbeauftragten eine weitere Mitarbeiterin eingestellt wurde; erst zu " +
        "zweit bilden sie die Abteilung.",
      kind: LessonKind.PITFALL,
      project: "kelsterbach-abteilung-digitalisierung",
      topics: ["governance"],
      sources: [KA],
    },
    {
      slug: "kelsterbach-ikz-erfahrungsaustausch",
      title: "Erfahrungen mit der eigenen Strategie in der IKZ-Gruppe weitergeben",
      body:
        "Im Erfahrungsaustausch der interkommunalen Stammgruppe für eGovernment war Kelsterbach Vorreiterin bei der Erarbeitung einer " +
        "Digitalisierungsstrategie und konnte den Kolleginnen und Kollegen aus dem Kreis Anregungen und wichtige Hinweise geben.",
      kind: LessonKind.SUCCESS,
      project: null,
      topics: ["inter-municipal-cooperation", "governance"],
      sources: [KA],
    },
  ],
};
