import type { CitySeed, DecisionSeed } from "../seed-data.js";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { REFERENCE } from "./sources.js";

const V = "hildesheim-vorlage-20-281";
const STRATEGY = "hildesheim-digitale-stadtverwaltung-2025";
const MEP = "hildesheim-medienentwicklungsplan-schulen";

const TITLE_20_281 = "Digitalisierungsstrategie für die Stadtverwaltung Hildesheim; „Digitale Stadtverwaltung 2025“";

const CHANGES_NOTE =
  "Welche Änderungen beschlossen wurden, geht aus dem Text nicht hervor; er enthält nur den ursprünglichen Beschlussvorschlag.";

/** One sitting in the consultation sequence of Vorlage 20/281. */
function sitting(
  key: string,
  body: string,
  date: string,
  outcome: DecisionOutcome,
  description: string | null,
  note: string | null,
): DecisionSeed {
  return { key, reference: "20/281", title: TITLE_20_281, body, date, outcome, description, note, sources: [V] };
}

/**
 * The date Vorlage 20/281 gives its projects' statuses for: it was written for the committee sitting of 14.09.2020
 * ("soll in der Sitzung des Ausschusses … am 14.09.2020 … vorgestellt werden"); the paper has no date of its own.
 */
const STATUS_AS_OF = "2020-09";

export const hildesheim: CitySeed = {
  municipality: {
    slug: "hildesheim",
    name: "Hildesheim",
    officialKey: "03254021",
    state: State.NI,
    governmentRegion: null,
    district: "Landkreis Hildesheim",
    population: null,
    populationAsOf: null,
    populationSource: null,
    website: null,
    note: "AGS und Landkreis sind öffentliche Referenzangaben (Hildesheim ist Sitz des Landkreises); einen Regierungsbezirk nennen die Angaben nicht.",
    sources: [V, REFERENCE],
  },

  engagements: [
    {
      provider: "unity-ag",
      role: EngagementRole.CONSULTING,
      since: "2019-12",
      description:
        "Die Unity AG wurde im Dezember 2019 beauftragt, die Erarbeitung der Digitalisierungsstrategie zu unterstützen, und sollte die Strategie " +
        "am 14.09.2020 im Fachausschuss vorstellen.",
      note: null,
      sources: [V],
    },
  ],

  decisions: [
    {
      key: "19-282-rat-2019-09-23",
      reference: "19/282",
      title: "Medienentwicklungsplan für die Schulen",
      body: "Rat der Stadt Hildesheim",
      date: "2019-09-23",
      outcome: DecisionOutcome.ADOPTED,
      description:
        "Beschluss des Medienentwicklungsplans für die Schulen, den Vorlage 20/281 als erste Säule der Hildesheimer Digitalisierungsstrategie " +
        "bezeichnet; Anlass waren die Fördermöglichkeiten des Digitalpakts Schulen.",
      note: "Nur aus dem Rückblick in Vorlage 20/281 bekannt; der Titel der Vorlage 19/282 ist dort nicht wörtlich wiedergegeben.",
      sources: [V],
    },
    sitting(
      "20-281-ausschuss-feuerschutz-2020-09-14",
      "Ausschuss für Feuerschutz und Recht und Innere Angelegenheiten",
      "2020-09-14",
      DecisionOutcome.NOTED,
      "Vorberatung; die Vorlage wurde zur Kenntnis genommen. Laut Sachverhalt sollte die Unity AG die Strategie in dieser Sitzung vorstellen.",
      "Der Name des Ausschusses erscheint dreifach verschieden: in der Beratungsfolge „Ausschuss für Feuerschutz, Innere Angelegenheiten und " +
        "Digitalisierung“, in der Sitzungszeile „Ausschusses für Feuerschutz und Recht und Innere Angelegenheiten“, im Sachverhalt „Ausschuss " +
        "für Feuerschutz, Recht und Innere Angelegenheiten“. Eingetragen ist der Name aus der Sitzungszeile.",
    ),
    sitting(
      "20-281-ausschuss-finanzen-2020-09-16",
      "Ausschuss für Finanzen, Wirtschaftsförderung und Liegenschaften",
      "2020-09-16",
      DecisionOutcome.DEFERRED,
      "Vorberatung; die Vorlage wurde zurückgestellt.",
      "Die Vorlage sah eine Beschlussfassung erst im Rahmen der Haushaltsberatungen im Dezember 2020 vor.",
    ),
    sitting(
      "20-281-ausschuss-finanzen-2020-11-25",
      "Ausschuss für Finanzen, Wirtschaftsförderung und Liegenschaften",
      "2020-11-25",
      DecisionOutcome.ADOPTED_WITH_CHANGES,
      "Vorberatung; geändert beschlossen.",
      CHANGES_NOTE,
    ),
    sitting(
      "20-281-verwaltungsausschuss-2020-12-14",
      "Verwaltungsausschuss der Stadt Hildesheim",
      "2020-12-14",
      DecisionOutcome.UNKNOWN,
      "Vorberatung im Verwaltungsausschuss.",
      "Für diese Sitzung ist in der Beratungsfolge kein Ergebnis eingetragen.",
    ),
    sitting(
      "20-281-rat-2020-12-21",
      "Rat der Stadt Hildesheim",
      "2020-12-21",
      DecisionOutcome.ADOPTED_WITH_CHANGES,
      "Entscheidung; geändert beschlossen. Der Beschlussvorschlag sah vor: (1) die Strategie zur Basis der weiteren Digitalisierung der " +
        "Verwaltung und des Ausbaus von Online-Services zu machen, (2) die Verwaltung mit der Umsetzung und mit der Einplanung der Mittel in den Haushalt " +
        "2021/22 gemäß Finanzplan zu beauftragen, (3) den Rat einmal im Jahr über den Fortschritt zu unterrichten, die Roadmap bei Bedarf anzupassen und die " +
        "geänderte Finanzplanung vorzustellen.",
      CHANGES_NOTE,
    ),
  ],

  strategies: [
    {
      slug: STRATEGY,
      title: "Digitale Stadtverwaltung 2025",
      status: StrategyStatus.ADOPTED,
      // "21.12.2020 Sitzung des Rates der Stadt Hildesheim geändert beschlossen" (Beratungsfolge of Vorlage 20/281).
      statusAsOf: "2020-12-21",
      presentedOn: "2020-09-14",
      adoptedOn: "2020-12-21",
      horizon: 2025,
      summary:
        "Digitalisierungsstrategie für die Stadtverwaltung Hildesheim mit Schwerpunkt E-Government, eingebettet in die Stadtstrategie und nach dem " +
        "Medienentwicklungsplan für die Schulen die zweite strategische Säule der Digitalisierung. Sie soll Insellösungen vermeiden, Abhängigkeiten " +
        "und Synergien sichtbar machen und die Grundlagen für Arbeit ohne Medienbrüche und eine ausreichend leistungsfähige IT schaffen, " +
        "damit das Onlinezugangsgesetz mit einem Online-Rathaus umgesetzt werden kann. Kern ist eine Roadmap mit 19 Projekten bis 2025, von denen " +
        "nicht alle neu sind; Fachkonzepte aller Organisationseinheiten ergänzen sie. Erarbeitet wurde sie ab Dezember 2019 mit der Unity AG auf " +
        "Basis einer Mitarbeiterumfrage und von Workshops mit über 150 Beschäftigten. Der Beschlussvorschlag sah außerdem einen jährlichen " +
        "Bericht an den Rat vor; ob dieser Punkt unverändert beschlossen wurde, ist offen, denn der Rat hat die Vorlage mit Änderungen " +
        "beschlossen, die der Text nicht nennt. Die Strategie gilt als erster Meilenstein auf dem Weg zur Smart City, die als dritte Säule eigene Konzepte braucht.",
      vision:
        "„HI-digital: gemeinsam. einfach. besser.“ – von den Führungskräften der Dezernate und Fachbereiche entwickelt: Die digitale Zukunft soll " +
        "mit allen Beschäftigten gemeinsam gestaltet werden, Arbeitsweisen und die Nutzung städtischer Leistungen sollen einfacher, Verwaltungsarbeit " +
        "und Services besser werden.",
      note:
        "Vorgestellt werden sollte die Strategie laut Vorlage am 14.09.2020 durch die Unity AG; an diesem Tag hat der Fachausschuss sie zur Kenntnis " +
        "genommen. Der Rat hat sie am 21.12.2020 geändert beschlossen; die Änderungen sind nicht dokumentiert. Die Strategie selbst (Anlage 1) und " +
        "der Finanzplan (Anlage 2) liegen nicht als Text vor. Die Kostenwerte für die Jahre nach 2022 sind laut Vorlage noch sehr unsicher.",
      decisions: [
        "20-281-ausschuss-feuerschutz-2020-09-14",
        "20-281-ausschuss-finanzen-2020-09-16",
        "20-281-ausschuss-finanzen-2020-11-25",
        "20-281-verwaltungsausschuss-2020-12-14",
        "20-281-rat-2020-12-21",
      ],
      consultants: ["unity-ag"],
      fieldsOfAction: [
        { position: 1, title: "Digitaler Handlungsrahmen", description: null, topics: ["governance"], sources: [V] },
        { position: 2, title: "Arbeit 4.0", description: null, topics: ["new-work"], sources: [V] },
        { position: 3, title: "Infrastruktur", description: null, topics: ["infrastructure"], sources: [V] },
        {
          position: 4,
          title: "Führung und Organisation",
          description: null,
          topics: ["governance", "change-management"],
          sources: [V],
        },
        {
          position: 5,
          title: "Geschäftsprozessoptimierung und Innovation",
          description: null,
          topics: ["process-optimisation"],
          sources: [V],
        },
        {
          position: 6,
          title: "Digitale Serviceschnittstelle",
          description: null,
          topics: ["online-services", "digital-communication"],
          sources: [V],
        },
        {
          position: 7,
          title: "Digitales Lernen und Wissen",
          description: null,
          topics: ["staff-qualification"],
          sources: [V],
        },
      ],
      budget: [
        {
          year: 2021,
          amount: "124500.00",
          category: BudgetCategory.EXPENSE,
          description: "Aufwendungen zur Umsetzung der Strategie im Haushaltsjahr 2021",
          note: "Teil der Sachkosten 2021 von insgesamt 544.500 EUR (Finanzplan, Anlage 2).",
          sources: [V],
        },
        {
          year: 2021,
          amount: "420000.00",
          category: BudgetCategory.INVESTMENT,
          description: "Investitionen zur Umsetzung der Strategie im Haushaltsjahr 2021",
          note: "Teil der Sachkosten 2021 von insgesamt 544.500 EUR (Finanzplan, Anlage 2).",
          sources: [V],
        },
        {
          year: 2022,
          amount: "87000.00",
          category: BudgetCategory.EXPENSE,
          description: "Aufwendungen zur Umsetzung der Strategie im Haushaltsjahr 2022",
          note: "Teil der Sachkosten 2022 von insgesamt 220.000 EUR (Finanzplan, Anlage 2).",
          sources: [V],
        },
        {
          year: 2022,
          amount: "133000.00",
          category: BudgetCategory.INVESTMENT,
          description: "Investitionen zur Umsetzung der Strategie im Haushaltsjahr 2022",
          note: "Teil der Sachkosten 2022 von insgesamt 220.000 EUR (Finanzplan, Anlage 2).",
          sources: [V],
        },
      ],
      indicators: [
        {
          key: "roadmap-projects",
          name: "Digitalisierungsprojekte auf der Roadmap",
          value: 19,
          unit: "Projekte",
          asOf: null,
          note: "Stand der Vorlage 20/281 (vor dem 14.09.2020); nicht alle 19 Projekte sind neu. Einzeln benannt werden sie im Text nicht.",
          sources: [V],
        },
        {
          key: "workshop-participants",
          name: "Beschäftigte, die sich in Workshops an der Strategieentwicklung beteiligt haben",
          value: 150,
          unit: "Beschäftigte",
          asOf: null,
          note: "Der Text sagt „über 150“; der Wert ist eine Untergrenze. Stand der Vorlage 20/281 (vor dem 14.09.2020).",
          sources: [V],
        },
      ],
      sources: [V],
    },
    {
      slug: MEP,
      title: "Medienentwicklungsplan für die Schulen",
      status: StrategyStatus.ADOPTED,
      // "vom Rat am 23.09.2019 beschlossen (s. Vorlage 19/282)"; the text says nothing later of the plan.
      statusAsOf: "2019-09-23",
      presentedOn: null,
      adoptedOn: "2019-09-23",
      horizon: null,
      summary:
        "Erste strategische Säule der Hildesheimer Digitalisierung: Wegen der Fördermöglichkeiten des Digitalpakts Schulen wurde zuerst ein " +
        "Medienentwicklungsplan für die Schulen beschlossen (Vorlage 19/282), vor der Strategie für die Stadtverwaltung.",
      vision: null,
      note:
        "Inhalt, Laufzeit, Handlungsfelder und Stand der Umsetzung des Plans beschreibt der Text nicht; bekannt ist nur, dass der Rat " +
        "ihn am 23.09.2019 beschlossen hat (aus Vorlage 20/281). Deshalb sind keine Handlungsfelder eingetragen, und der Stand seiner Umsetzung ist „nicht angegeben“.",
      decisions: ["19-282-rat-2019-09-23"],
      consultants: [],
      fieldsOfAction: [],
      budget: [],
      indicators: [],
      sources: [V],
    },
  ],

  projects: [
    {
      slug: "hildesheim-medienentwicklungsplan",
      title: "Umsetzung des Medienentwicklungsplans für die Schulen",
      summary:
        "Der Medienentwicklungsplan für die Schulen wurde vom Rat am 23.09.2019 beschlossen (Vorlage 19/282); Anlass war die Förderung durch den Digitalpakt Schulen.",
      status: ProjectStatus.NOT_STATED,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
      strategy: MEP,
      fieldOfAction: null,
      topics: ["schools"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note:
        "Über den Stand der Umsetzung sagt der Text nichts; der Status ist deshalb „nicht angegeben“. Bekannt ist nur, dass der Plan " +
        "beschlossen ist.",
      sources: [V],
    },
    {
      slug: "hildesheim-online-rathaus",
      title: "Online-Rathaus zur Umsetzung des Onlinezugangsgesetzes",
      summary:
        "Auf Grundlage der Strategie soll ein Online-Rathaus aufgebaut werden, über das die Stadt die Pflichten aus dem Onlinezugangsgesetz erfüllt. " +
        "Es wird nach und nach mit Angeboten gefüllt, je nachdem, wie weit die einzelnen Online-Services entwickelt sind.",
      status: ProjectStatus.PLANNED,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
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
      note:
        "Die Vorlage ordnet das Online-Rathaus keinem Handlungsfeld ausdrücklich zu. Sie erinnert daran, dass das OZG alle geeigneten Leistungen " +
        "bis Ende 2022 online verlangt, und hält dieses Ziel schon jetzt für kaum erreichbar.",
      sources: [V],
    },
    {
      slug: "hildesheim-smart-city",
      title: "Smart City als dritte Säule der Digitalisierung",
      summary:
        "Nach Schulen und Stadtverwaltung soll das breite Thema Smart City künftig als dritte Säule eigene strategische Konzepte erhalten.",
      status: ProjectStatus.IDEA,
      statusAsOf: STATUS_AS_OF,
      statusSource: V,
      strategy: null,
      fieldOfAction: null,
      topics: ["smart-city"],
      startedOn: null,
      plannedEndOn: null,
      completedOn: null,
      costs: [],
      providers: [],
      products: [],
      partners: [],
      note: "Die Vorlage nennt nur die Absicht; Zeitpunkt und Inhalt sind offen.",
      sources: [V],
    },
  ],

  lessons: [
    {
      slug: "hildesheim-prozesse-optimieren-nicht-nur-digitalisieren",
      title: "Analoge Abläufe nur zu digitalisieren reicht nicht",
      body:
        "Die Vorlage betont, dass digitale Strukturen nur dann Nutzen bringen, wenn die Abläufe dabei neu gedacht werden. Vorgänge sollen von Anfang " +
        "bis Ende betrachtet und im Sinne einer Geschäftsprozessoptimierung umgebaut werden, sonst bleiben Effizienz und medienbruchfreie " +
        "Kommunikation aus.",
      kind: LessonKind.RECOMMENDATION,
      project: null,
      topics: ["process-optimisation"],
      sources: [V],
    },
    {
      slug: "hildesheim-breite-beteiligung",
      title: "Breite Beteiligung der Beschäftigten prägt die Strategie",
      body:
        "Die Handlungsfelder gehen auf eine Mitarbeiterumfrage zurück, die Vision haben die Führungskräfte gemeinsam entwickelt, und mehr als 150 " +
        "Beschäftigte haben in Workshops mitgewirkt. Nach Einschätzung der Vorlage hat das für Digitalisierungsfragen sensibilisiert und gezeigt, " +
        "wie wichtig ein gemeinsames Verständnis dieser vielschichtigen Themen ist.",
      kind: LessonKind.SUCCESS,
      project: null,
      topics: ["change-management", "governance"],
      sources: [V],
    },
    {
      slug: "hildesheim-roadmap-gegen-insellosungen",
      title: "Mit Strategie und Roadmap Insellösungen vermeiden",
      body:
        "Um keine isolierten Einzellösungen zu schaffen, bündelt Hildesheim seine Digitalisierungsprojekte in einer Roadmap, die Abhängigkeiten " +
        "zeigt, Ressourcen realistisch plant und Zeiträume festlegt. Fachkonzepte der Organisationseinheiten und die Verwaltungsstrategie sollen " +
        "inhaltlich abgestimmt und finanziell hinterlegt werden, weil Digitalisierung mehr ist als Technik.",
      kind: LessonKind.RECOMMENDATION,
      project: null,
      topics: ["governance"],
      sources: [V],
    },
    {
      slug: "hildesheim-anschubfinanzierung",
      title: "Erst Anschubkosten, dann die „digitale Dividende“",
      body:
        "Die Vorlage erwartet in den ersten Phasen höhere Kosten, bevor sich mittel- bis langfristig Einsparungen zeigen, etwa durch die " +
        "elektronische Akte, Online-Angebote und mehr Standardisierung. Kostenansätze für spätere Jahre gelten als noch sehr unsicher und " +
        "sollen mit dem Projektfortschritt präzisiert werden.",
      kind: LessonKind.PITFALL,
      project: null,
      topics: ["governance", "e-file", "online-services"],
      sources: [V],
    },
    {
      slug: "hildesheim-ozg-frist",
      title: "Die OZG-Frist Ende 2022 ist kaum zu halten",
      body:
        "Schon bei der Erarbeitung der Strategie zeichnete sich ab, dass die Kommunen die gesetzliche Frist, alle geeigneten Leistungen bis Ende " +
        "2022 online anzubieten, kaum einhalten können – zumal die meisten Kontakte zur Verwaltung auf kommunaler Ebene stattfinden.",
      kind: LessonKind.PITFALL,
      project: "hildesheim-online-rathaus",
      topics: ["online-services"],
      sources: [V],
    },
  ],
};
