import type { CitySeed, ProjectSeed } from "../seed-data.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { State } from "../../schema/municipality/state.enum.js";
import { CostKind } from "../../schema/project/cost-kind.enum.js";
import { CostPeriod } from "../../schema/project/cost-period.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { REFERENCE } from "./sources.js";

const V = "herten-vorlage-18-203";
const STRATEGY = "herten-it-digitalisierungsstrategie";
/**
 * The date Vorlage 18/203 gives its statuses for: it was written for the Haupt- und Finanzausschuss of 22.11.2018
 * ("Beratungsfolge Sitzung am / Haupt- und Finanzausschuss 22.11.2018"); the paper itself carries no date of its own.
 */
const STATUS_AS_OF = "2018-11";

const VOTE_NOTE =
  "Das Abstimmungsformular der Vorlage ist angekreuzt bei „zugestimmt“ und „mit Mehrheit“, dazu stehen „5 nein“ und " +
  "„0 Enthaltung“. In der üblichen Anordnung solcher Formulare gelesen (links das Ergebnis, rechts die Art der Mehrheit und die " +
  "Stimmenzahlen) heißt das: mit Mehrheit zugestimmt, bei 5 Gegenstimmen und keiner Enthaltung. Die Zahl der Ja-Stimmen nennt das " +
  "Formular nicht, und zu welcher Sitzung es gehört (Haupt- und Finanzausschuss oder Rat), gibt der Text nicht an. Das Ergebnis " +
  "dieser einzelnen Sitzung wird deshalb als unbekannt geführt.";

const RESOLUTION =
  "Beschlussvorschlag: (1) Zustimmende Kenntnisnahme des Verwaltungsberichts. (2) Damit gilt das Antragsverfahren nach " +
  "§ 14 GeschO zum Antrag von Ratsherrn Jürgens als abgeschlossen.";

/** A project idea from the interview results (status IDEA, no further facts in the text). */
function idea(
  slug: string,
  title: string,
  summary: string,
  topics: string[],
  horizon: "Nahziel" | "mittel- bis langfristig",
): ProjectSeed {
  return {
    slug,
    title,
    summary,
    status: ProjectStatus.IDEA,
    statusAsOf: STATUS_AS_OF,
    statusSource: V,
    strategy: STRATEGY,
    fieldOfAction: null,
    topics,
    startedOn: null,
    plannedEndOn: null,
    completedOn: null,
    costs: [],
    providers: [],
    products: [],
    partners: [],
    note:
      horizon === "Nahziel"
        ? "Aus den Interviews von Juni/Juli 2018 als mögliches Nahziel genannt; die Vorlage ordnet es keinem der drei Ziele zu."
        : "Aus den Interviews von Juni/Juli 2018 als mögliches mittel- bis langfristiges Projekt genannt; die Vorlage ordnet es keinem der drei Ziele zu.",
    sources: [V],
  };
}

export const herten: CitySeed = {
  municipality: {
    slug: "herten",
    name: "Herten",
    officialKey: "05562020",
    state: State.NW,
    governmentRegion: "Münster",
    district: "Kreis Recklinghausen",
    population: null,
    populationAsOf: null,
    populationSource: null,
    website: null,
    note: "AGS, Regierungsbezirk und Kreis sind öffentliche Referenzangaben; die Vorlage selbst nennt sie nicht.",
    sources: [V, REFERENCE],
  },

  engagements: [
    {
      provider: "krzn",
      role: EngagementRole.SOFTWARE_HOSTING,
      since: null,
      description:
        "Herten ist beim KRZN bereits mit zahlreichen Verfahren Kunde, darunter das Einwohnerverfahren Meso und das Kassenverfahren SAP. " +
        "Für die Kita-Software JUGIS läge auch der Betrieb samt zentraler Datenhaltung und Softwarepflege beim KRZN.",
      note: "Seit wann Herten Kunde ist, nennt die Vorlage nicht.",
      sources: [V],
    },
    {
      provider: "software-beratung-meinhard",
      role: EngagementRole.SOFTWARE_SUPPLY,
      since: null,
      description:
        "Liefert die derzeit eingesetzte Kita-Abrechnungssoftware winkita, für die die Stadt Lizenzen erworben hat.",
      note: null,
      sources: [V],
    },
    {
      provider: "hertener-stadtwerke",
      role: EngagementRole.SOFTWARE_HOSTING,
      since: null,
      description: "Die Stadtwerke hosten die Kita-Software winkita; mit JUGIS würde dieses Hosting entfallen.",
      note: null,
      sources: [V],
    },
    {
      provider: "hertener-stadtwerke",
      role: EngagementRole.PARTNER,
      since: "2018",
      description:
        "Stadt, Stadtwerke und PROSOZ verständigten sich Anfang 2018, die IT- und Digitalisierungsstrategie gemeinsam anzugehen. " +
        "Die Geschäftsführung sitzt in der geplanten Strategie- und Lenkungsgruppe; die Stadtwerke haben umfassende Unterstützung zugesagt.",
      note: "„Anfang 2018“ – ohne genaueres Datum.",
      sources: [V],
    },
    {
      provider: "prosoz-herten",
      role: EngagementRole.PARTNER,
      since: "2018",
      description:
        "Partnerin der gemeinsamen IT- und Digitalisierungsstrategie seit Anfang 2018; richtete im April 2018 das Barcamp aus, " +
        "ist mit der Geschäftsführung in der Strategie- und Lenkungsgruppe vertreten und hat umfassende Unterstützung zugesagt.",
      note: "„Anfang 2018“ – ohne genaueres Datum.",
      sources: [V],
    },
  ],

  decisions: [
    {
      key: "17-137",
      reference: "17/137",
      title: "Haushalt; Vermeidung von Grundsteuererhöhungen; hier: IT-Konzept; Antrag der SPD-Fraktion vom 23.01.2017",
      body: "Gremium nicht genannt",
      date: "2017",
      outcome: DecisionOutcome.UNKNOWN,
      description:
        "Frühere Vorlage zu einem IT-Konzept auf Antrag der SPD-Fraktion. Aus ihrer Beratung zog die Verwaltung den Schluss, " +
        "die Politik bei der Digitalisierungsstrategie von Beginn an eng einzubinden.",
      note:
        "Vorlage 18/203 spricht nur von der „letztjährigen Beratung“; das Jahr 2017 ist daraus abgeleitet. Gremium, Sitzungsdatum " +
        "und Ergebnis nennt der Text nicht.",
      sources: [V],
    },
    {
      key: "antrag-juergens-2018-02-27",
      reference: null,
      title: "Antrag nach § 14 GeschO des Rates: Einrichtung einer Arbeitsgruppe „Digitalisierung der Stadt“",
      body: "Rat der Stadt Herten",
      date: "2018-02-27",
      outcome: DecisionOutcome.PRESENTED,
      description:
        "Ratsherr Joachim Jürgens beantragte eine ständige Arbeitsgruppe aus Rat, Verwaltung, Stadtwerken und weiteren städtischen " +
        "Gesellschaften, die die Gremien regelmäßig unterrichtet. In der Begründung bittet er außerdem, eine für Digitalisierung " +
        "zuständige Person zu benennen und den Ratsmitgliedern die Smart City Charta zur Kenntnis zu geben. Die Verwaltung hält " +
        "die Arbeitsgruppe wegen des Terminaufwands für nicht nötig und empfiehlt stattdessen Barcamps.",
      note:
        "Der Antrag trägt den Vermerk „Laufzeit 280 Tage“. Antragstext (Arbeitsgruppe) und Begründung (Benennung einer Person) " +
        "zielen auf Unterschiedliches. Die Vorlage nennt die Gruppe teils „Digitalisierung der Stadt“, teils „Digitalisierung Stadt“. " +
        "Nach dem Beschlussvorschlag der Vorlage 18/203 ist das Antragsverfahren damit abgeschlossen.",
      sources: [V],
    },
    {
      key: "18-203-hfa-2018-11-22",
      reference: "18/203",
      title:
        "Einrichtung einer Arbeitsgruppe „Digitalisierung der Stadt“ (Bericht zur IT- und Digitalisierungsstrategie)",
      body: "Haupt- und Finanzausschuss",
      date: "2018-11-22",
      outcome: DecisionOutcome.UNKNOWN,
      description: RESOLUTION,
      note: VOTE_NOTE,
      sources: [V],
    },
    {
      key: "18-203-rat-2018-11-28",
      reference: "18/203",
      title:
        "Einrichtung einer Arbeitsgruppe „Digitalisierung der Stadt“ (Bericht zur IT- und Digitalisierungsstrategie)",
      body: "Rat der Stadt Herten",
      date: "2018-11-28",
      outcome: DecisionOutcome.UNKNOWN,
      description: RESOLUTION,
      note: VOTE_NOTE,
      sources: [V],
    },
  ],

  strategies: [
    {
      slug: STRATEGY,
      title: "IT- und Digitalisierungsstrategie der Stadt Herten",
      status: StrategyStatus.IN_PREPARATION,
      statusAsOf: STATUS_AS_OF,
      presentedOn: null,
      adoptedOn: null,
      horizon: null,
      summary:
        "Stadt, Hertener Stadtwerke und PROSOZ Herten wollen seit Anfang 2018 gemeinsam eine IT- und Digitalisierungsstrategie " +
        "entwickeln und die Politik dabei von Beginn an beteiligen. Beim Barcamp im April 2018 einigten sich Politik, Verwaltung und " +
        "Tochtergesellschaften darauf, dass Herten eine zentrale Strategie mit drei Zielen braucht. Vereinbart wurden eine Strategie- " +
        "und Lenkungsgruppe auf Ebene von Verwaltungsvorstand und Geschäftsführungen, darunter eine Arbeits- bzw. Projektgruppe unter " +
        "Koordination des Fachbereichs 1.1 „Zentrale Steuerung“, Interviews zum Ist-Zustand, eine mit externer Hilfe zu erarbeitende " +
        "Gesamtstrategie und parallel die Teilnahme am Landesprojekt „Serviceportal Wirtschaft Emscher Lippe E-Government-4-Business“. " +
        "Rund 30 Interviews im Juni und Juli 2018 ergaben fünf mögliche Nahziele und sechs mittel- bis langfristige Projekte, die beim " +
        "Folge-Barcamp am 05.09.2018 vorgestellt wurden. Die Vorlage 18/203 berichtet darüber und erwartet eher steigende IT-Kosten.",
      vision: null,
      note:
        "Die zentrale Gesamtstrategie ist laut Vorlage erst noch (mit Unterstützung eines externen Dritten, dessen Namen sie nicht " +
        "nennt) zu erarbeiten; erfasst ist hier der Stand des Berichts. Ein Datum der Vorstellung hat die Strategie deshalb nicht; " +
        "am 22.11.2018 beriet der Haupt- und Finanzausschuss den Bericht über den Stand (Vorlage 18/203). Finanzielle Auswirkungen hängen laut Vorlage von den einzelnen Projekten ab " +
        "(der Satz bricht im Text ab). Zum Abstimmungsergebnis siehe die Entscheidungen zu 18/203.",
      decisions: ["18-203-hfa-2018-11-22", "18-203-rat-2018-11-28"],
      consultants: [],
      fieldsOfAction: [
        {
          position: 1,
          title: "E-Government als digitale Abbildung analoger Verwaltungsprozesse",
          description:
            "Erstes der drei beim Barcamp im April 2018 vereinbarten Ziele: Verwaltungsabläufe digital abbilden.",
          topics: ["online-services", "process-optimisation", "e-file"],
          sources: [V],
        },
        {
          position: 2,
          title: "Auf- und Ausbau einer smarten Infrastruktur innerhalb der Stadt Herten",
          description:
            "Zweites Ziel: eine intelligente Infrastruktur im Stadtgebiet schaffen und erweitern. (Im Text ohne Bindestrich: „Aufund Ausbau“.)",
          topics: ["infrastructure", "smart-city"],
          sources: [V],
        },
        {
          position: 3,
          title: "Auf- und Ausbau smarter Dienste und Dienstleistungen für die Menschen von Stadt und Region",
          description:
            "Drittes Ziel: intelligente Dienste für die Menschen in Herten und der Region anbieten. (Im Text ohne Bindestrich: „Aufund Ausbau“.)",
          topics: ["smart-city", "online-services"],
          sources: [V],
        },
      ],
      budget: [],
      indicators: [
        {
          key: "interviews-2018",
          name: "Interviews zur Ist-Erhebung „IT / Digitalisierung“ in den Bereichen",
          value: 30,
          unit: "Interviews",
          asOf: "2018-07",
          note: "Die Vorlage nennt „rd. 30“ Interviews, geführt im Juni und Juli 2018.",
          sources: [V],
        },
        {
          key: "barcamps-2018",
          name: "Barcamps zur Digitalisierungsstrategie mit Politik und Verwaltung",
          value: 2,
          unit: "Barcamps",
          asOf: "2018-09-05",
          note: "Barcamp im April 2018 (ausgerichtet von PROSOZ Herten) und Folge-Barcamp am 05.09.2018.",
          sources: [V],
        },
      ],
      sources: [V],
    },
  ],

  projects: [
    {
      slug: "herten-gesamtstrategie",
      title: "Erarbeitung einer zentralen Digitalisierungs-Gesamtstrategie",
      summary:
        "Gemeinsames Vorhaben von Stadt, Stadtwerken und PROSOZ: Nach Barcamp und Interviews soll mit externer Unterstützung eine zentrale " +
        "Gesamtstrategie entstehen. Gesteuert wird sie von einer Strategie- und Lenkungsgruppe, umgesetzt von einer Arbeits- bzw. Projektgruppe " +
        "unter Federführung des Fachbereichs 1.1 „Zentrale Steuerung“; Fraktionen und Einzelratsmitglieder werden mindestens jährlich eingeladen.",
      status: ProjectStatus.IN_PROGRESS,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["governance", "change-management", "council-work"],
      startedOn: "2018",
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: ["prosoz-herten", "hertener-stadtwerke"],
      products: [],
      partners: [],
      note: "Begonnen „Anfang 2018“. Den externen Dritten nennt die Vorlage nicht.",
      sources: [V],
    },
    idea(
      "herten-formularserver",
      "Formularserver",
      "Ein Formularserver für Verwaltungsformulare wurde als mögliches Nahziel benannt.",
      ["online-services"],
      "Nahziel",
    ),
    idea(
      "herten-e-payment",
      "E-Payment",
      "Elektronisches Bezahlen wurde als mögliches Nahziel benannt.",
      ["e-payment", "online-services"],
      "Nahziel",
    ),
    idea(
      "herten-digitales-quartiersmanagement",
      "Digitales Quartiersmanagement",
      "Ein digitales Quartiersmanagement wurde als mögliches Nahziel benannt.",
      ["smart-city", "digital-communication"],
      "Nahziel",
    ),
    idea(
      "herten-softwaremanagement",
      "Optimierung Softwaremanagement",
      "Die Verwaltung der eingesetzten Software zu verbessern, wurde als mögliches Nahziel benannt.",
      ["specialist-software", "it-operations"],
      "Nahziel",
    ),
    {
      slug: "herten-kita-online",
      title: "Medienbruchfreie Kindergarten- und Tagespflegesoftware (Kita-Online / JUGIS)",
      summary:
        "Bisher rechnet Herten Kita-Beiträge und Kindertagespflege mit winkita ab; eine Online-Anmeldung gibt es nicht. Eltern melden ihre Kinder " +
        "mit Papierzetteln direkt in mehreren Kitas an, die Kitas leiten das an die Verwaltung weiter, die Mehrfachanmeldungen mühsam von Hand " +
        "entwirrt. Für 2019 ist geplant, „Kita-Online“ – ein webbasiertes Verfahren für Bedarfsmeldung und Anmeldung – zum Kindergartenjahr 2020/2021 " +
        "einzuführen und danach schrittweise weitere JUGIS-Bausteine des KRZN. Eltern geben dann einmal digital drei Wunscheinrichtungen an, die Daten " +
        "laufen zum Stichtag automatisch ins Fachverfahren, die Tagespflege einschließlich Großtagespflege wird automatisch abgerechnet, und " +
        "Schnittstellen zu Meso und SAP ersetzen Mehrfacherfassung und Rechenläufe. Betrieb, Updates und Gesetzesänderungen übernimmt das KRZN.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["childcare", "online-services", "process-optimisation", "specialist-software"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [
        {
          kind: CostKind.COST,
          amount: "8400.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description:
            "JUGIS-Baustein ETB / KTE (Verwaltung der Kindertagesstätten und Erhebung der Elternbeiträge), laut Angebot des KRZN",
          note: null,
          sources: [V],
        },
        {
          kind: CostKind.COST,
          amount: "1700.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description:
            "JUGIS-Baustein Kita-Online (Online-Präsentation der Kitas und Online-Anmeldung), laut Angebot des KRZN",
          note: null,
          sources: [V],
        },
        {
          kind: CostKind.COST,
          amount: "4400.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description:
            "JUGIS-Baustein Kindertagespflege (Vermittlung und Abrechnung der Tagespflege), laut Angebot des KRZN",
          note: null,
          sources: [V],
        },
        {
          kind: CostKind.COST,
          amount: "4800.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description:
            "JUGIS-Baustein DataWarehouse (zentraler Betrieb beim KRZN mit zentraler Datenhaltung), laut Angebot des KRZN",
          note: "Im Text einmal „DataWarehose“ geschrieben.",
          sources: [V],
        },
        {
          kind: CostKind.COMPARISON,
          amount: "4400.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description: "Vergleichswert: derzeitige Kosten der bisherigen Software winkita (nur Abrechnungstool)",
          note: "Die Vorlage nennt „rund 4.400 EUR p.a.“.",
          sources: [V],
        },
        {
          kind: CostKind.DIFFERENCE,
          amount: "14900.00",
          currency: "EUR",
          period: CostPeriod.ANNUAL,
          description: "Jährlicher Mehrbedarf von JUGIS (19.300 EUR p.a. laut Angebot) gegenüber winkita",
          note: null,
          sources: [V],
        },
        {
          kind: CostKind.DIFFERENCE,
          amount: "74500.00",
          currency: "EUR",
          period: CostPeriod.TOTAL,
          description: "Mehrkosten über eine Laufzeit von fünf Jahren, wie in der Vorlage angegeben",
          note:
            "Die Vorlage schreibt „74.500 EUR (4 x 14.900 EUR p.a.)“. 4 × 14.900 EUR ergibt jedoch 59.600 EUR; 74.500 EUR entsprechen " +
            "5 × 14.900 EUR, passend zur genannten Laufzeit von fünf Jahren. Eingetragen ist der Betrag, wie er im Text steht.",
          sources: [V],
        },
      ],
      // winkita, its vendor and its hosting by the Stadtwerke are what the project replaces, not what it uses: winkita
      // is a replaced product, and Meinhard and the Stadtwerke stay the city's engagements (above), not project providers.
      providers: ["krzn"],
      products: ["jugis", "meso", "sap"],
      replacedProducts: ["winkita"],
      partners: [],
      note:
        "Als mögliches Nahziel „Einführung einer medienbruchfreien Kindergarten/ Tagespflegesoftware“ genannt. Die Einführung von Kita-Online " +
        "ist für 2019 geplant, für das Kindergartenjahr 2020/2021 (s. Drs.-Nr. 18/207). Die Gesamtkosten laut Angebot betragen „zurzeit“ " +
        "19.300 EUR p.a. Die Kosten der bisherigen Software (rund 4.400 EUR p.a.) und der Mehrbedarf sind als Vergleichsposten mit erfasst; " +
        "die vier JUGIS-Bausteine ergeben zusammen die 19.300 EUR. Mittelfristig erwartet die Vorlage durch optimierte Abläufe Synergien und " +
        "mögliche weitere Einsparungen. Abgelöst würde die bisherige Software winkita der Software & Beratung Meinhard GmbH samt ihrem " +
        "Hosting bei den Hertener Stadtwerken; Meso und SAP bleiben in Gebrauch und werden über Schnittstellen angebunden.",
      sources: [V],
    },
    idea(
      "herten-digitale-ratsarbeit",
      "Digitale Ratsarbeit",
      "Die Ratsarbeit zu digitalisieren, wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["council-work"],
      "mittel- bis langfristig",
    ),
    idea(
      "herten-digitales-bewerbermanagement",
      "Digitales Bewerbermanagement",
      "Bewerbungsverfahren digital abzuwickeln, wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["recruiting"],
      "mittel- bis langfristig",
    ),
    idea(
      "herten-digitale-gewerbeanmeldung",
      "Digitale Gewerbeanmeldung",
      "Eine digitale Gewerbeanmeldung wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["business-services", "online-services"],
      "mittel- bis langfristig",
    ),
    idea(
      "herten-digitaler-bauantrag",
      "Digitaler Bauantrag",
      "Ein digitaler Bauantrag wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["building-permits", "online-services"],
      "mittel- bis langfristig",
    ),
    idea(
      "herten-digitale-poststelle",
      "Digitale Poststelle",
      "Eine digitale Poststelle wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["e-file"],
      "mittel- bis langfristig",
    ),
    idea(
      "herten-digitales-abfallmanagement",
      "Digitales Abfallmanagement",
      "Ein digitales Abfallmanagement wurde als mögliches mittel- bis langfristiges Projekt benannt.",
      ["waste-management", "smart-city"],
      "mittel- bis langfristig",
    ),
    {
      slug: "herten-serviceportal-wirtschaft",
      title: "Landesprojekt „Serviceportal Wirtschaft Emscher Lippe E-Government-4-Business“",
      summary:
        "Parallel zur Entwicklung der Gesamtstrategie beteiligt sich Herten am Landesprojekt für ein Serviceportal für die Wirtschaft in der Emscher-Lippe-Region.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
      strategy: STRATEGY,
      fieldOfAction: null,
      topics: ["business-services", "online-services", "inter-municipal-cooperation"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note:
        "Die Teilnahme ist einer der beim Barcamp im April 2018 vereinbarten ersten Schritte; ob sie bereits läuft, sagt die Vorlage nicht. " +
        "Weitere beteiligte Kommunen nennt sie nicht.",
      sources: [V],
    },
  ],

  lessons: [
    {
      slug: "herten-kita-software-kostenvergleich",
      title: "Kita-Software: höhere Nutzungsgebühr gegen Mehrwert abwägen",
      body:
        "Herten hat die bisherige Kita-Software (rund 4.400 EUR im Jahr) mit JUGIS des KRZN (19.300 EUR im Jahr) verglichen. Der Mehrbedarf " +
        "von 14.900 EUR jährlich wird gegen den Nutzen gestellt: Schnittstellen zu Einwohner- und Kassenverfahren, Verwaltung der Einrichtungen, " +
        "Online-Anmeldung mit einmaliger Datenerfassung durch die Eltern, automatische Abrechnung der Tagespflege sowie zentraler Betrieb samt " +
        "Updates und Gesetzesänderungen beim Rechenzentrum statt durch eigenes Personal und Hosting bei den Stadtwerken. Angesichts steigender " +
        "Kinderzahlen, ausscheidender Beschäftigter und Fachkräftemangels hält die Verwaltung die Mehrkosten für vertretbar. Wichtig ist auch der " +
        "Unterschied zwischen gekauften Lizenzen und einer Nutzungsgebühr, die Betrieb und Pflege enthält.",
      kind: LessonKind.RECOMMENDATION,
      project: "herten-kita-online",
      topics: ["childcare", "it-operations", "process-optimisation"],
      sources: [V],
    },
    {
      slug: "herten-barcamps-statt-arbeitsgruppe",
      title: "Ratsmitglieder über Barcamps statt über eine ständige Arbeitsgruppe einbinden",
      body:
        "Statt der beantragten ständigen politischen Arbeitsgruppe empfiehlt die Verwaltung, den Rat über Veranstaltungen wie die beiden Barcamps " +
        "von 2018 einzubinden und Fraktionen sowie Einzelratsmitglieder mindestens einmal im Jahr einzuladen. Begründet wird das mit dem " +
        "Terminaufwand einer festen Gruppe; die Ratsmitglieder, die am 05.09.2018 dabei waren, befürworteten dieses Vorgehen.",
      kind: LessonKind.RECOMMENDATION,
      project: "herten-gesamtstrategie",
      topics: ["council-work", "change-management"],
      sources: [V],
    },
    {
      slug: "herten-politik-von-anfang-an",
      title: "Die Politik von Beginn an eng beteiligen",
      body:
        "Aus der Beratung einer früheren Vorlage zu einem IT-Konzept (17/137) hat Herten gelernt, die Politik bei der Digitalisierungsstrategie " +
        "gleich zu Beginn einzubeziehen; zum ersten Barcamp waren alle Fraktionen und Einzelratsmitglieder eingeladen.",
      kind: LessonKind.RECOMMENDATION,
      project: "herten-gesamtstrategie",
      topics: ["council-work", "change-management", "governance"],
      sources: [V],
    },
    {
      slug: "herten-menschen-mitnehmen",
      title: "Menschen mitnehmen – Digitalisierung darf keine Arbeitsplätze kosten",
      body:
        "Beim Barcamp waren sich alle einig, dass die Menschen bei der Digitalisierung nicht aus dem Blick geraten dürfen und mitgenommen werden " +
        "müssen. Stellen sollen durch die Digitalisierung nicht wegfallen; sie soll vielmehr helfen, den kommenden Fachkräftemangel und die " +
        "bereits hohe Arbeitsdichte aufzufangen.",
      kind: LessonKind.RECOMMENDATION,
      project: null,
      topics: ["change-management", "new-work"],
      sources: [V],
    },
    {
      slug: "herten-it-kosten-steigen",
      title: "IT-Kosten werden eher steigen als sinken",
      body:
        "Weil Fachkräfte knapp werden und Prozesse angepasst, optimiert und digitalisiert werden müssen, braucht die IT nach Einschätzung der " +
        "Vorlage noch mehr Gewicht. Die Stadt rechnet deshalb damit, dass ihre IT-Kosten künftig eher kontinuierlich zunehmen als zurückgehen.",
      kind: LessonKind.PITFALL,
      project: null,
      topics: ["governance", "it-operations"],
      sources: [V],
    },
  ],
};
