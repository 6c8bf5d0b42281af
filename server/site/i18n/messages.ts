import { BUDGET_CATEGORY_LABELS } from "../../../schema/budget/budget-category.enum.js";
import { DECISION_OUTCOME_LABELS } from "../../../schema/decision/decision-outcome.enum.js";
import { ENGAGEMENT_ROLE_LABELS } from "../../../schema/engagement/engagement-role.enum.js";
import { PROJECT_STATUS_LABELS } from "../../../schema/project/project-status.enum.js";
import { LESSON_KIND_LABELS } from "../../../schema/lesson/lesson-kind.enum.js";
import { COST_KIND_LABELS, CostKind } from "../../../schema/project/cost-kind.enum.js";
import { COST_PERIOD_LABELS, CostPeriod } from "../../../schema/project/cost-period.enum.js";
import { PROVIDER_KIND_LABELS } from "../../../schema/provider/provider-kind.enum.js";
import { STRATEGY_STATUS_LABELS } from "../../../schema/strategy/strategy-status.enum.js";
import { CARD_LABELS } from "../../embed/labels.js";
import { formatMoment, formatMomentInEnglish, KIND_LABELS, TYPE_LABELS } from "../changes/change-view.js";
import { MAX_SEARCH_QUERY, MAX_VALUES_PER_FILTER, SEARCH_NOTICES } from "../search-params.js";

/** The languages the site's labels come in (`?lang=en`); stored content is German either way. */
export type SiteLanguage = "de" | "en";

type Labels = Readonly<Record<string, string>>;

/**
 * Everything the site's pages say besides the records' own content, in one language.
 * `de` and `en` share this type, so the compiler proves that every text exists in both.
 */
export interface Messages {
  /** Locale for numbers, dates and sorting (`Intl`). */
  locale: string;
  /** An estimated count (a list's `totalCount` with `totalCountIsExact: false`), rounded: "rund 60.000". */
  about: (count: string) => string;
  layout: {
    hub: string;
    skip: string;
    mainNavigation: string;
    nav: {
      start: string;
      kommunen: string;
      anbieter: string;
      themen: string;
      vergleich: string;
      erfahrungen: string;
      suche: string;
    };
    /** The language switch: the other language's name, in that language, and a hint for assistive technology. */
    otherLanguage: { lang: SiteLanguage; name: string; label: string };
    licenceBefore: string;
    licenceAfter: string;
    downloads: string;
    exports: { projectsCsv: string; projectsJson: string; strategiesCsv: string };
    forProgramsBefore: string;
    graphqlApi: string;
    forProgramsAnd: string;
    forProgramsAfter: string;
    sources: string;
    topics: string;
    asOf: string;
    /** Before the date a source gives a status for. */
    statusAsOf: string;
    aboutHub: string;
    about: { changes: string; api: string; imprint: string; privacy: string; accessibility: string };
  };
  enums: {
    projectStatus: Labels;
    lessonKind: Labels;
    strategyStatus: Labels;
    providerKind: Labels;
    engagementRole: Labels;
    costKind: Readonly<Record<CostKind, string>>;
    costPeriod: Readonly<Record<CostPeriod, string>>;
    budgetCategory: Labels;
    decisionOutcome: Labels;
    searchType: Labels;
    changeKind: Labels;
    recordType: Labels;
  };
  /** Singular and plural nouns for counts. */
  nouns: {
    project: [string, string];
    fieldOfAction: [string, string];
    hit: [string, string];
  };
  home: {
    title: string;
    heading: string;
    lead: string;
    searchLabel: string;
    searchField: string;
    searchButton: string;
    figuresHeading: string;
    figures: { kommunen: string; projekte: string; anbieter: string; erfahrungen: string };
    topicsHeading: string;
    moreHeading: string;
    allCities: string;
    allProviders: string;
    allTopics: string;
  };
  cities: { title: string; count: (count: string) => string; inhabitantsShort: string; more: string };
  city: {
    state: string;
    governmentRegion: string;
    district: string;
    officialKey: string;
    population: string;
    populationAsOf: (date: string) => string;
    website: string;
    compare: string;
    strategies: string;
    noStrategy: string;
    adopted: (date: string) => string;
    fieldsOfAction: string;
    projectsByTopic: string;
    noProject: string;
    noTopic: string;
    providersAndRoles: string;
    noProviders: string;
    since: (date: string) => string;
    lessons: string;
    noLessons: string;
    projectPrefix: string;
    decisions: string;
    indicators: string;
    workingGroups: string;
    noWorkingGroups: string;
    cadence: string;
    otherMembers: string;
  };
  project: {
    city: string;
    status: string;
    statusHistory: string;
    since: string;
    source: string;
    notStated: string;
    started: string;
    plannedEnd: string;
    completed: string;
    strategy: string;
    fieldOfAction: (title: string) => string;
    partners: string;
    providers: string;
    topics: string;
    noTopic: string;
    products: string;
    replacedProducts: string;
    by: string;
    lessons: string;
    sources: string;
    noSources: string;
    similar: string;
    noSimilar: string;
    whySimilar: string;
    reasons: { sameTopic: string; sameProvider: string; sameProduct: string; similarWording: string };
    costs: string;
    costsNote: string;
    amount: string;
    kind: string;
    purpose: string;
    costSummary: string;
    costSummaryNote: string;
    summaryPeriod: string;
    summarySum: string;
    summaryItems: string;
    summaryPeriods: { oneOff: string; annual: string; overStatedTerms: string };
  };
  embed: {
    heading: string;
    noOrigin: string;
    intro: string;
    webComponent: string;
    webComponentText: string;
    iframeText: string;
    oembedText: string;
    oembedEndpoint: string;
  };
  providers: { title: string; count: (count: string) => string; more: string };
  provider: {
    kind: string;
    legalName: string;
    seat: string;
    website: string;
    clients: string;
    noClients: string;
    since: (date: string) => string;
    products: string;
    projects: string;
    noProject: string;
  };
  topics: { title: string; lead: string };
  topic: { cities: string; noCities: string; projects: string; noProject: string };
  strategy: {
    city: string;
    status: string;
    presented: string;
    adopted: string;
    horizon: string;
    until: (year: string) => string;
    consultants: string;
    fieldsOfAction: string;
    noFields: string;
    budget: string;
    noBudget: string;
    item: string;
    amount: string;
    total: (year: string) => string;
    indicators: string;
    noIndicators: string;
    asOf: (date: string) => string;
    /** Caption of an indicator's table of values over time, before the indicator's name. */
    history: string;
    historyDate: string;
    historyValue: string;
    undated: string;
    decisions: string;
    noDecisions: string;
    reference: (reference: string) => string;
    projects: string;
    noProject: string;
    sources: string;
    noSources: string;
  };
  search: {
    title: string;
    titleFor: (query: string) => string;
    formLabel: string;
    field: string;
    button: string;
    intro: string;
    facets: { typ: string; land: string; kommune: string; thema: string; status: string; anbieter: string };
    activeFilters: string;
    removeFilter: string;
    removeAll: string;
    filters: string;
    applyFilters: string;
    toFilters: string;
    moreThan: (count: string) => string;
    forQuery: (query: string) => string;
    pages: string;
    firstPage: string;
    moreHits: string;
    noHitsFor: (query: string) => string;
    noHitsFilters: string;
    hintSpelling: string;
    hintFilters: string;
    hintBrowseBefore: string;
    hintBrowseOr: string;
    hintBrowseAfter: string;
    topicsLink: string;
    citiesLink: string;
    /** What the page says about a URL it could not search as given (`SEARCH_NOTICES`). */
    notices: Readonly<Record<keyof typeof SEARCH_NOTICES, string>>;
  };
  compare: {
    title: string;
    titleFor: (names: string) => string;
    errorTitle: (title: string) => string;
    checkChoice: string;
    lead: string;
    intro: string;
    matrixHeading: string;
    csvLink: string;
    csvNoteBefore: string;
    csvNoteAfter: string;
    legend: string;
    keyFigures: string;
    changeChoice: string;
    noTopics: string;
    noProjectsShown: string;
    caption: string;
    topic: string;
    andMore: string;
    coverage: Readonly<Record<string, { text: string; description: string }>>;
    state: string;
    population: string;
    noInformation: string;
    strategies: string;
    nonePublished: string;
    adopted: (date: string) => string;
    until: (year: string) => string;
    fieldsOfAction: string;
    budget: string;
    noBudget: string;
    projects: string;
    providers: string;
    indicators: string;
    asOf: (date: string) => string;
    moreOnCityPage: string;
    citiesLegend: (max: number) => string;
    topicsLegend: string;
    submit: string;
  };
  lessons: {
    title: string;
    errorTitle: string;
    lead: string;
    checkFilter: string;
    all: string;
    topic: string;
    kind: string;
    city: string;
    filter: string;
    count: (count: string, filtered: boolean) => string;
    projectPrefix: string;
    more: string;
  };
  nounsExtra: { topic: [string, string]; lesson: [string, string] };
  changes: {
    title: string;
    inCity: (name: string) => string;
    onTopic: (label: string) => string;
    titleWith: (scope: string) => string;
    feedTitle: (title: string) => string;
    lead: string;
    subscribe: string;
    showAll: string;
    topic: string;
    allTopics: string;
    city: string;
    cityHint: string;
    filter: string;
    heading: string;
    none: string;
    notPublic: string;
    older: string;
    latest: string;
    allChanges: string;
    /** A moment as date and time (Berlin time). */
    moment: (iso: string) => string;
  };
  /** The comparison's figures per inhabitant (`compare-per-inhabitant.tsx`). */
  perInhabitant: {
    heading: string;
    lead: string;
    populationsCaption: string;
    figuresCaption: string;
    city: string;
    population: string;
    asOf: string;
    source: string;
    notStated: string;
    unavailable: string;
    figure: string;
    numerator: string;
    denominator: string;
    value: string;
    noAmounts: string;
    moreProjects: string;
    refusedHeading: string;
    gap: (earlier: string, earlierDate: string, later: string, laterDate: string) => string;
    undated: (names: string) => string;
    refused: string;
    allowLink: string;
    shownAnyway: string;
    allowChoice: string;
  };
  legal: { imprint: string; privacy: string; accessibility: string; operatorText: string };
  /** Messages about form input (`FormParamError`) stay German; on English pages this says so before them. */
  germanDetails: string;
  notFound: { title: string; text: string; home: string; allCities: string; allTopics: string };
  error: { title: string; heading: string; unavailable: string; rateLimited: string; failed: string; home: string };
}

/** The comparison's coverage levels in German: the page's own words (`COVERAGE` of the compare page, without its symbols). */
const COVERAGE_DE: Messages["compare"]["coverage"] = {
  NONE: { text: "Nichts veröffentlicht", description: "weder ein Handlungsfeld noch ein Projekt zum Thema" },
  STRATEGY_ONLY: {
    text: "Nur auf dem Papier",
    description: "ein Handlungsfeld der Strategie, oder Projekte, die Idee blieben oder gestoppt wurden",
  },
  PLANNED: { text: "Projekt geplant", description: "mindestens ein geplantes Projekt, noch keines in Umsetzung" },
  IN_PROGRESS: { text: "In Umsetzung", description: "mindestens ein Projekt in Umsetzung, noch keines abgeschlossen" },
  COMPLETED: { text: "Umgesetzt", description: "mindestens ein abgeschlossenes Projekt" },
};

/** The site's German texts (the default). */
export const de: Messages = {
  locale: "de-DE",
  about: (count) => `rund ${count}`,
  layout: {
    hub: "IKZ-Hub",
    skip: "Zum Inhalt springen",
    mainNavigation: "Hauptnavigation",
    nav: {
      start: "Start",
      kommunen: "Kommunen",
      anbieter: "Anbieter",
      themen: "Themen",
      vergleich: "Vergleich",
      erfahrungen: "Erfahrungen",
      suche: "Suche",
    },
    otherLanguage: { lang: "en", name: "English", label: "This page in English" },
    licenceBefore: "Inhalte unter der ",
    licenceAfter: ".",
    downloads: "Daten zum Herunterladen: ",
    exports: { projectsCsv: "Projekte (CSV)", projectsJson: "Projekte (JSON)", strategiesCsv: "Strategien (CSV)" },
    forProgramsBefore: ". Für Programme: die ",
    graphqlApi: "GraphQL-API",
    forProgramsAnd: " und ihr ",
    forProgramsAfter: ".",
    sources: "Quellen:",
    topics: "Themen",
    asOf: "Stand: ",
    statusAsOf: "Stand laut Quelle: ",
    aboutHub: "Über den Hub",
    about: {
      changes: "Letzte Änderungen",
      api: "API und Daten",
      imprint: "Impressum",
      privacy: "Datenschutz",
      accessibility: "Barrierefreiheit",
    },
  },
  enums: {
    projectStatus: PROJECT_STATUS_LABELS,
    lessonKind: LESSON_KIND_LABELS,
    strategyStatus: STRATEGY_STATUS_LABELS,
    providerKind: PROVIDER_KIND_LABELS,
    engagementRole: ENGAGEMENT_ROLE_LABELS,
    costKind: COST_KIND_LABELS,
    costPeriod: COST_PERIOD_LABELS,
    budgetCategory: BUDGET_CATEGORY_LABELS,
    decisionOutcome: DECISION_OUTCOME_LABELS,
    searchType: {
      MUNICIPALITY: "Kommune",
      STRATEGY: "Strategie",
      FIELD_OF_ACTION: "Handlungsfeld",
      PROJECT: "Projekt",
      LESSON_LEARNED: "Erfahrung",
      PROVIDER: "Anbieter",
    },
    changeKind: KIND_LABELS,
    recordType: TYPE_LABELS,
  },
  nouns: {
    project: ["Projekt", "Projekte"],
    fieldOfAction: ["Handlungsfeld", "Handlungsfelder"],
    hit: ["Treffer", "Treffer"],
  },
  home: {
    title: "Start",
    heading: "IKZ-Hub: Digitalisierung interkommunal",
    lead:
      "Der IKZ-Hub sammelt Digitalisierungsstrategien, Projekte, Anbieter und Erfahrungen deutscher Kommunen an einem Ort. So " +
      "finden Kommunen Partner für die interkommunale Zusammenarbeit und lernen aus dem, was anderswo schon funktioniert.",
    searchLabel: "Hub durchsuchen",
    searchField: "Im Hub suchen",
    searchButton: "Suchen",
    figuresHeading: "Der Hub in Zahlen",
    figures: { kommunen: "Kommunen", projekte: "Projekte", anbieter: "Anbieter", erfahrungen: "Erfahrungen" },
    topicsHeading: "Themen",
    moreHeading: "Weiter",
    allCities: "Alle Kommunen nach Bundesland",
    allProviders: "Alle Anbieter",
    allTopics: "Alle Themen mit ihren Projekten",
  },
  cities: {
    title: "Kommunen",
    count: (count) => `${count} Kommunen im Hub, nach Bundesland.`,
    inhabitantsShort: "Einw.",
    more: "Weitere Kommunen",
  },
  city: {
    state: "Bundesland",
    governmentRegion: "Regierungsbezirk",
    district: "Kreis",
    officialKey: "Amtlicher Gemeindeschlüssel",
    population: "Einwohner",
    populationAsOf: (date) => ` (Stand ${date})`,
    website: "Website",
    compare: "Mit anderen Kommunen vergleichen",
    strategies: "Strategien",
    noStrategy: "Keine veröffentlichte Strategie.",
    adopted: (date) => ` · Beschluss ${date}`,
    fieldsOfAction: "Handlungsfelder",
    projectsByTopic: "Projekte nach Thema",
    noProject: "Kein veröffentlichtes Projekt.",
    noTopic: "Ohne Thema",
    providersAndRoles: "Anbieter und ihre Rollen",
    noProviders: "Keine veröffentlichte Zusammenarbeit mit Anbietern.",
    since: (date) => ` (seit ${date})`,
    lessons: "Erfahrungen",
    noLessons: "Keine veröffentlichten Erfahrungen.",
    projectPrefix: " · Projekt: ",
    decisions: "Ratsbeschlüsse",
    indicators: "Kennzahlen",
    workingGroups: "Arbeitsgruppen",
    noWorkingGroups: "Keine veröffentlichte Arbeitsgruppe.",
    cadence: "Treffen",
    otherMembers: "Weitere Mitglieder",
  },
  project: {
    city: "Kommune",
    status: "Status",
    statusHistory: "Statusverlauf",
    since: "Seit",
    source: "Quelle",
    notStated: "nicht angegeben",
    started: "Beginn",
    plannedEnd: "Geplantes Ende",
    completed: "Abgeschlossen",
    strategy: "Strategie",
    fieldOfAction: (title) => `, Handlungsfeld „${title}“`,
    partners: "Partnerkommunen",
    providers: "Anbieter",
    topics: "Themen",
    noTopic: "Keinem Thema zugeordnet.",
    products: "Produkte",
    replacedProducts: "Löst ab",
    by: " von ",
    lessons: "Erfahrungen",
    sources: "Quellen",
    noSources: "Keine Quellen angegeben.",
    similar: "Ähnliche Projekte",
    noSimilar: "Keine ähnlichen Projekte gefunden.",
    whySimilar: "Warum ähnlich: ",
    reasons: {
      sameTopic: "gleiches Thema: ",
      sameProvider: "gleicher Anbieter: ",
      sameProduct: "gleiches Produkt: ",
      similarWording: "ähnliche Wörter: ",
    },
    costs: "Kosten",
    costsNote:
      "Nur Posten der Art „Kosten“ sind Kosten des Projekts; Vergleichswerte und Differenzen dienen der Einordnung.",
    amount: "Betrag",
    kind: "Art",
    purpose: "Wofür",
    costSummary: "Kostenübersicht (nur Kostenpositionen)",
    costSummaryNote:
      "Summen der Posten der Art „Kosten“, ohne Vergleichswerte und Differenzen. Monatliche Beträge zählen zwölffach zum Jahresbetrag; Gesamtbeträge über eine im Text genannte Laufzeit werden nicht umgerechnet.",
    summaryPeriod: "Zeitraum",
    summarySum: "Summe",
    summaryItems: "Posten",
    summaryPeriods: {
      oneOff: "einmalig",
      annual: "pro Jahr",
      overStatedTerms: "über die jeweils genannte Laufzeit",
    },
  },
  embed: {
    heading: "Einbetten",
    noOrigin: "Die Codes zum Einbetten zeigt diese Seite unter der öffentlichen Adresse des IKZ-Hubs.",
    intro:
      "Kommunen und Partner können dieses Projekt als Karte auf ihrer eigenen Website zeigen, immer auf dem Stand des IKZ-Hubs. Einen der drei Codes kopieren und einfügen:",
    webComponent: "Web-Komponente",
    webComponentText:
      'Die Karte wird in die Seite eingefügt und passt sich ihr an (Parameter: lang="en", theme="dark" oder theme="inherit").',
    iframeText:
      "Der IKZ-Hub zeigt die Karte in einem Rahmen, für Redaktionssysteme ohne Web-Komponenten. Die Zeilen ab <script> passen " +
      "die Höhe des Rahmens an die Karte an; wo keine Skripte erlaubt sind, einfach weglassen: Der Rahmen behält dann seine feste Höhe.",
    oembedText:
      "Redaktionssysteme mit oEmbed-Unterstützung (etwa WordPress) betten die Karte ein, wenn man diese Adresse einfügt.",
    oembedEndpoint: "oEmbed-Endpunkt: ",
  },
  providers: {
    title: "Anbieter",
    count: (count) => `${count} IT-Dienstleister, Hersteller, Beratungen und andere, die mit Kommunen arbeiten.`,
    more: "Weitere Anbieter",
  },
  provider: {
    kind: "Art",
    legalName: "Firma",
    seat: "Sitz",
    website: "Website",
    clients: "Kunden",
    noClients: "Keine veröffentlichte Zusammenarbeit mit Kommunen.",
    since: (date) => `, seit ${date}`,
    products: "Produkte",
    projects: "Projekte",
    noProject: "Kein veröffentlichtes Projekt.",
  },
  topics: {
    title: "Themen",
    lead: "Die gemeinsame Themenliste des Hubs: Strategien, Projekte und Erfahrungen aller Kommunen sind ihr zugeordnet.",
  },
  topic: {
    cities: "Kommunen",
    noCities: "Noch keine Kommune hat veröffentlichte Handlungsfelder oder Projekte zu diesem Thema.",
    projects: "Projekte",
    noProject: "Kein veröffentlichtes Projekt.",
  },
  strategy: {
    city: "Kommune",
    status: "Status",
    presented: "Vorgestellt",
    adopted: "Beschlossen",
    horizon: "Zeithorizont",
    until: (year) => `bis ${year}`,
    consultants: "Beratung",
    fieldsOfAction: "Handlungsfelder",
    noFields: "Keine veröffentlichten Handlungsfelder.",
    budget: "Budget nach Jahr",
    noBudget: "Kein veröffentlichtes Budget.",
    item: "Posten",
    amount: "Betrag",
    total: (year) => `Summe ${year}`,
    indicators: "Kennzahlen",
    noIndicators: "Keine veröffentlichten Kennzahlen.",
    asOf: (date) => ` (Stand ${date})`,
    history: "Verlauf: ",
    historyDate: "Stand",
    historyValue: "Wert",
    undated: "ohne Datum",
    decisions: "Ratsbeschlüsse",
    noDecisions: "Keine Ratsbeschlüsse erfasst.",
    reference: (reference) => ` · Vorlage ${reference}`,
    projects: "Projekte",
    noProject: "Kein veröffentlichtes Projekt.",
    sources: "Quellen",
    noSources: "Keine Quellen angegeben.",
  },
  search: {
    title: "Suche",
    titleFor: (query) => `Suche: ${query}`,
    formLabel: "Hub durchsuchen",
    field: "Suchbegriff",
    button: "Suchen",
    intro:
      "Durchsuchen Sie Kommunen, Strategien, Handlungsfelder, Projekte, Erfahrungen und Anbieter, zum Beispiel nach „Kita“, " +
      "„Bauantrag“ oder „Rechenzentrum“.",
    facets: {
      typ: "Art",
      land: "Bundesland",
      kommune: "Kommune",
      thema: "Thema",
      status: "Status",
      anbieter: "Anbieter",
    },
    activeFilters: "Aktive Filter (zum Entfernen anklicken):",
    removeFilter: "Filter entfernen: ",
    removeAll: "Alle Filter entfernen",
    filters: "Filter",
    applyFilters: "Filter anwenden",
    toFilters: "Zu den Filtern",
    moreThan: (count) => `Mehr als ${count} Treffer`,
    forQuery: (query) => ` für „${query}“`,
    pages: "Trefferseiten",
    firstPage: "Zur ersten Trefferseite",
    moreHits: "Weitere Treffer",
    noHitsFor: (query) => `Keine Treffer für „${query}“.`,
    noHitsFilters: "Keine Treffer für diese Filter.",
    hintSpelling:
      "Prüfen Sie die Schreibweise oder versuchen Sie ein allgemeineres Wort (z. B. „Kita“ statt „Kita-Anmeldeportal“).",
    hintFilters: "Entfernen Sie einzelne Filter oben.",
    hintBrowseBefore: "Stöbern Sie nach ",
    hintBrowseOr: " oder ",
    hintBrowseAfter: ".",
    topicsLink: "Themen",
    citiesLink: "Kommunen",
    notices: SEARCH_NOTICES,
  },
  compare: {
    title: "Kommunen vergleichen",
    titleFor: (names) => `Vergleich: ${names}`,
    errorTitle: (title) => `Fehler: ${title}`,
    checkChoice: "Bitte die Auswahl prüfen",
    lead: "Was die Kommunen je Thema veröffentlicht haben: Handlungsfelder ihrer Strategien und Projekte mit ihrem Stand.",
    intro:
      "Wählen Sie Kommunen und, wenn Sie möchten, Themen: der Vergleich zeigt je Thema, wie weit jede Kommune ist.",
    matrixHeading: "Themen im Vergleich",
    csvLink: "Diese Tabelle als CSV herunterladen",
    csvNoteBefore: " (für Tabellenkalkulationen, ",
    csvNoteAfter: ").",
    legend: "Legende",
    keyFigures: "Eckdaten",
    changeChoice: "Auswahl ändern",
    noTopics: "Zu diesen Kommunen ist noch kein Thema mit Handlungsfeld oder Projekt veröffentlicht.",
    noProjectsShown:
      "Bei so vielen Zellen nennt die Tabelle keine Projekte; die Seiten der Kommunen und Themen zeigen sie.",
    caption: "Stand je Thema und Kommune",
    topic: "Thema",
    andMore: "und weitere",
    coverage: COVERAGE_DE,
    state: "Bundesland",
    population: "Einwohner",
    noInformation: "keine Angabe",
    strategies: "Strategien",
    nonePublished: "keine veröffentlicht",
    adopted: (date) => `, Beschluss ${date}`,
    until: (year) => `, bis ${year}`,
    fieldsOfAction: "Handlungsfelder",
    budget: "Budget",
    noBudget: "keines veröffentlicht",
    projects: "Projekte",
    providers: "Anbieter",
    indicators: "Kennzahlen",
    asOf: (date) => ` (Stand ${date})`,
    moreOnCityPage: "und weitere auf der Seite der Kommune",
    citiesLegend: (max) => `Kommunen (eine bis ${max})`,
    topicsLegend: "Themen (ohne Auswahl: alle Themen der gewählten Kommunen)",
    submit: "Vergleichen",
  },
  lessons: {
    title: "Erfahrungen",
    errorTitle: "Fehler: Erfahrungen",
    lead: "Was Kommunen bei der Digitalisierung gelernt haben: Erfolge, Stolpersteine und Empfehlungen, jeweils mit Quelle.",
    checkFilter: "Bitte den Filter prüfen",
    all: "alle",
    topic: "Thema",
    kind: "Art",
    city: "Kommune",
    filter: "Filtern",
    count: (count, filtered) => `${count}${filtered ? " zu diesem Filter" : ""}.`,
    projectPrefix: " · Projekt: ",
    more: "Weitere Erfahrungen",
  },
  nounsExtra: { topic: ["Thema", "Themen"], lesson: ["Erfahrung", "Erfahrungen"] },
  changes: {
    title: "Letzte Änderungen",
    inCity: (name) => `in ${name}`,
    onTopic: (label) => `zum Thema ${label}`,
    titleWith: (scope) => `Letzte Änderungen ${scope}`,
    feedTitle: (title) => `${title} (Atom-Feed)`,
    lead: "Was im IKZ-Hub zuletzt veröffentlicht, geändert, zurückgezogen oder archiviert wurde, das Neueste zuerst. Entwürfe erscheinen hier nicht.",
    subscribe: "Diese Liste als Atom-Feed abonnieren",
    showAll: "Alle Änderungen zeigen",
    topic: "Thema",
    allTopics: "Alle Themen",
    city: "Kommune",
    cityHint: "Der Kurzname aus der Adresse der Kommune, z. B. „herten“ für /kommunen/herten.",
    filter: "Filtern",
    heading: "Änderungen",
    none: "Keine Änderungen gefunden.",
    notPublic: "(nicht mehr öffentlich)",
    older: "Ältere Änderungen",
    latest: "Zuletzt geändert",
    allChanges: "Alle Änderungen",
    moment: formatMoment,
  },
  perInhabitant: {
    heading: "Kennzahlen je Einwohner",
    lead: "Beträge aus veröffentlichten Strategien und Projekten, geteilt durch die Einwohnerzahl der Kommune. Geteilt wird nur durch eine Einwohnerzahl mit veröffentlichter Quelle; fehlt sie, steht hier kein Wert, auch kein geschätzter.",
    populationsCaption: "Einwohnerzahlen, durch die geteilt wird",
    figuresCaption: "Kennzahlen je Einwohner: Betrag (Zähler) geteilt durch Einwohnerzahl (Nenner)",
    city: "Kommune",
    population: "Einwohner",
    asOf: "Stichtag",
    source: "Quelle",
    notStated: "nicht angegeben",
    unavailable: "nicht verfügbar",
    figure: "Kennzahl",
    numerator: "Betrag (Zähler)",
    denominator: "Einwohner (Nenner)",
    value: "je Einwohner",
    noAmounts: "Keine veröffentlichten Beträge",
    moreProjects: "… und weitere Projekte mit jährlichen Kosten",
    refusedHeading: "Einwohnerzahlen nicht vergleichbar",
    gap: (earlier, earlierDate, later, laterDate) =>
      `Die Einwohnerzahlen von ${earlier} (Stichtag ${earlierDate}) und ${later} (Stichtag ${laterDate}) liegen mehr als zwei Jahre auseinander.`,
    undated: (names) =>
      `Für die Einwohnerzahl von ${names} ist kein Stichtag angegeben; dass sie zeitnah zu den anderen erhoben wurde, ist nicht belegt.`,
    refused:
      "Werte je Einwohner werden deshalb nicht gezeigt: Sie wären nicht vergleichbar. Wenn Sie sie trotzdem sehen möchten, wählen Sie das im Formular unten oder folgen diesem Verweis:",
    allowLink: "Werte je Einwohner trotzdem zeigen",
    shownAnyway: "Auf Ihren Wunsch gezeigt, obwohl die Stichtage nicht vergleichbar sind:",
    allowChoice:
      "Werte je Einwohner auch zeigen, wenn die Stichtage der Einwohnerzahlen mehr als zwei Jahre auseinanderliegen oder fehlen",
  },
  legal: {
    imprint: "Impressum",
    privacy: "Datenschutzerklärung",
    accessibility: "Erklärung zur Barrierefreiheit",
    operatorText: "",
  },
  germanDetails: "",
  notFound: {
    title: "Seite nicht gefunden",
    text: "Unter dieser Adresse gibt es im IKZ-Hub nichts (mehr). Vielleicht wurde der Eintrag umbenannt oder ist nicht veröffentlicht.",
    home: "Zur Startseite",
    allCities: "Alle Kommunen",
    allTopics: "Alle Themen",
  },
  error: {
    title: "Seite nicht verfügbar",
    heading: "Seite gerade nicht verfügbar",
    unavailable:
      "Die Datenbank des Hubs ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.",
    rateLimited:
      "Von Ihrer Adresse kamen in kurzer Zeit sehr viele Anfragen. Bitte versuchen Sie es in einer Minute noch einmal.",
    failed: "Beim Erstellen dieser Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.",
    home: "Zur Startseite",
  },
};

/** The site's English texts (`?lang=en`). */
export const en: Messages = {
  locale: "en-GB",
  about: (count) => `about ${count}`,
  layout: {
    hub: "IKZ-Hub",
    skip: "Skip to content",
    mainNavigation: "Main navigation",
    nav: {
      start: "Home",
      kommunen: "Municipalities",
      anbieter: "Providers",
      themen: "Topics",
      vergleich: "Comparison",
      erfahrungen: "Lessons learned",
      suche: "Search",
    },
    otherLanguage: { lang: "de", name: "Deutsch", label: "Diese Seite auf Deutsch" },
    licenceBefore: "Content licensed under the ",
    licenceAfter: ".",
    downloads: "Data downloads: ",
    exports: { projectsCsv: "Projects (CSV)", projectsJson: "Projects (JSON)", strategiesCsv: "Strategies (CSV)" },
    forProgramsBefore: ". For programs: the ",
    graphqlApi: "GraphQL API",
    forProgramsAnd: " and its ",
    forProgramsAfter: ".",
    sources: "Sources:",
    topics: "Topics",
    asOf: "Last updated: ",
    statusAsOf: "Status as of (per source): ",
    aboutHub: "About the hub",
    about: {
      changes: "Latest changes",
      api: "API and data",
      imprint: "Imprint",
      privacy: "Privacy",
      accessibility: "Accessibility",
    },
  },
  enums: {
    projectStatus: CARD_LABELS.en.status,
    lessonKind: { SUCCESS: "Success", PITFALL: "Pitfall", RECOMMENDATION: "Recommendation" },
    strategyStatus: {
      IN_PREPARATION: "In preparation",
      ADOPTED: "Adopted",
      IN_IMPLEMENTATION: "Being implemented",
      SUPERSEDED: "Superseded",
    },
    providerKind: {
      ASSOCIATION: "Association",
      CONSULTANCY: "Consultancy",
      MUNICIPAL_COMPANY: "Municipal company",
      MUNICIPAL_IT_SERVICE_PROVIDER: "Municipal IT service provider",
      OTHER: "Other",
      SOFTWARE_VENDOR: "Software vendor",
    },
    engagementRole: {
      CONSULTING: "Consulting",
      INFRASTRUCTURE: "Infrastructure",
      IT_OPERATIONS: "IT operations",
      OTHER: "Other",
      PARTNER: "Partner",
      SOFTWARE_HOSTING: "Software hosting",
      SOFTWARE_SUPPLY: "Software supply",
      TRAINING: "Training",
    },
    costKind: { COST: "Cost", COMPARISON: "Comparison value", DIFFERENCE: "Difference" },
    costPeriod: { ONE_OFF: "one-off", ANNUAL: "per year", MONTHLY: "per month", TOTAL: "in total" },
    budgetCategory: {
      ANNUAL_FEE: "Annual fee",
      EXPENSE: "Expense",
      INVESTMENT: "Investment",
      OTHER: "Other",
      PERSONNEL: "Personnel",
    },
    decisionOutcome: {
      ADOPTED: "Adopted",
      ADOPTED_WITH_CHANGES: "Adopted with changes",
      DEFERRED: "Deferred",
      NOTED: "Noted",
      PRESENTED: "Presented",
      REJECTED: "Rejected",
      UNKNOWN: "Outcome unknown",
    },
    searchType: {
      MUNICIPALITY: "Municipality",
      STRATEGY: "Strategy",
      FIELD_OF_ACTION: "Field of action",
      PROJECT: "Project",
      LESSON_LEARNED: "Lesson learned",
      PROVIDER: "Provider",
    },
    changeKind: { CREATED: "New", UPDATED: "Changed", UNPUBLISHED: "No longer public", ARCHIVED: "Archived" },
    recordType: {
      BudgetLine: "Budget line",
      CostItem: "Cost item",
      Decision: "Decision",
      Engagement: "Engagement",
      FieldOfAction: "Field of action",
      Indicator: "Indicator",
      LessonLearned: "Lesson learned",
      Municipality: "Municipality",
      Product: "Product",
      Project: "Project",
      Provider: "Provider",
      Source: "Source",
      Strategy: "Strategy",
      Topic: "Topic",
      WorkingGroup: "Working group",
    },
  },
  nouns: {
    project: ["project", "projects"],
    fieldOfAction: ["field of action", "fields of action"],
    hit: ["result", "results"],
  },
  home: {
    title: "Home",
    heading: "IKZ hub: digital cooperation between municipalities",
    lead:
      "The IKZ hub collects the digitalisation strategies, projects, providers and lessons learned of German municipalities in one " +
      "place, so that municipalities find partners for working together and learn from what already works elsewhere.",
    searchLabel: "Search the hub",
    searchField: "Search the hub",
    searchButton: "Search",
    figuresHeading: "The hub in figures",
    figures: {
      kommunen: "Municipalities",
      projekte: "Projects",
      anbieter: "Providers",
      erfahrungen: "Lessons learned",
    },
    topicsHeading: "Topics",
    moreHeading: "More",
    allCities: "All municipalities by state",
    allProviders: "All providers",
    allTopics: "All topics with their projects",
  },
  cities: {
    title: "Municipalities",
    count: (count) => `${count} municipalities on the hub, by state.`,
    inhabitantsShort: "inhabitants",
    more: "More municipalities",
  },
  city: {
    state: "State",
    governmentRegion: "Government region",
    district: "District",
    officialKey: "Official municipality key",
    population: "Population",
    populationAsOf: (date) => ` (as of ${date})`,
    website: "Website",
    compare: "Compare with other municipalities",
    strategies: "Strategies",
    noStrategy: "No published strategy.",
    adopted: (date) => ` · council decision ${date}`,
    fieldsOfAction: "Fields of action",
    projectsByTopic: "Projects by topic",
    noProject: "No published project.",
    noTopic: "No topic",
    providersAndRoles: "Providers and their roles",
    noProviders: "No published work with providers.",
    since: (date) => ` (since ${date})`,
    lessons: "Lessons learned",
    noLessons: "No published lessons learned.",
    projectPrefix: " · Project: ",
    decisions: "Council decisions",
    indicators: "Indicators",
    workingGroups: "Working groups",
    noWorkingGroups: "No published working group.",
    cadence: "Meetings",
    otherMembers: "Other members",
  },
  project: {
    city: "Municipality",
    status: "Status",
    statusHistory: "Status history",
    since: "Since",
    source: "Source",
    notStated: "not stated",
    started: "Started",
    plannedEnd: "Planned end",
    completed: "Completed",
    strategy: "Strategy",
    fieldOfAction: (title) => `, field of action “${title}”`,
    partners: "Partner municipalities",
    providers: "Providers",
    topics: "Topics",
    noTopic: "Not assigned to any topic.",
    products: "Products",
    replacedProducts: "Replaces",
    by: " by ",
    lessons: "Lessons learned",
    sources: "Sources",
    noSources: "No sources given.",
    similar: "Similar projects",
    noSimilar: "No similar projects found.",
    whySimilar: "Why similar: ",
    reasons: {
      sameTopic: "same topic: ",
      sameProvider: "same provider: ",
      sameProduct: "same product: ",
      similarWording: "similar wording: ",
    },
    costs: "Costs",
    costsNote:
      "Only items of the kind “Cost” are costs of the project; comparison values and differences are there for context.",
    amount: "Amount",
    kind: "Kind",
    purpose: "What for",
    costSummary: "Cost summary (cost items only)",
    costSummaryNote:
      "Sums of the items of the kind “Cost”, without comparison values and differences. Monthly amounts count twelve times towards the annual amount; totals over a term stated in the text are not converted.",
    summaryPeriod: "Period",
    summarySum: "Sum",
    summaryItems: "Items",
    summaryPeriods: {
      oneOff: "one-off",
      annual: "per year",
      overStatedTerms: "over the term each item states",
    },
  },
  embed: {
    heading: "Embed",
    noOrigin: "This page shows the embed codes at the IKZ hub's public address.",
    intro:
      "Municipalities and partners can show this project as a card on their own website, always as up to date as the IKZ hub. Copy and paste one of the three codes:",
    webComponent: "Web component",
    webComponentText:
      'The card is inserted into the page and adapts to it (parameters: lang="en", theme="dark" or theme="inherit").',
    iframeText:
      "The IKZ hub shows the card in a frame, for content management systems without web components. The lines from <script> on fit " +
      "the frame's height to the card; where scripts are not allowed, leave them out: the frame then keeps its fixed height.",
    oembedText:
      "Content management systems with oEmbed support (such as WordPress) embed the card when this address is pasted.",
    oembedEndpoint: "oEmbed endpoint: ",
  },
  providers: {
    title: "Providers",
    count: (count) => `${count} IT service providers, vendors, consultancies and others who work with municipalities.`,
    more: "More providers",
  },
  provider: {
    kind: "Kind",
    legalName: "Company",
    seat: "Based in",
    website: "Website",
    clients: "Clients",
    noClients: "No published work with municipalities.",
    since: (date) => `, since ${date}`,
    products: "Products",
    projects: "Projects",
    noProject: "No published project.",
  },
  topics: {
    title: "Topics",
    lead: "The hub's shared list of topics: the strategies, projects and lessons learned of all municipalities are assigned to it.",
  },
  topic: {
    cities: "Municipalities",
    noCities: "No municipality has published fields of action or projects on this topic yet.",
    projects: "Projects",
    noProject: "No published project.",
  },
  strategy: {
    city: "Municipality",
    status: "Status",
    presented: "Presented",
    adopted: "Adopted",
    horizon: "Time horizon",
    until: (year) => `until ${year}`,
    consultants: "Consultants",
    fieldsOfAction: "Fields of action",
    noFields: "No published fields of action.",
    budget: "Budget by year",
    noBudget: "No published budget.",
    item: "Item",
    amount: "Amount",
    total: (year) => `Total ${year}`,
    indicators: "Indicators",
    noIndicators: "No published indicators.",
    asOf: (date) => ` (as of ${date})`,
    history: "History: ",
    historyDate: "As of",
    historyValue: "Value",
    undated: "undated",
    decisions: "Council decisions",
    noDecisions: "No council decisions recorded.",
    reference: (reference) => ` · paper ${reference}`,
    projects: "Projects",
    noProject: "No published project.",
    sources: "Sources",
    noSources: "No sources given.",
  },
  search: {
    title: "Search",
    titleFor: (query) => `Search: ${query}`,
    formLabel: "Search the hub",
    field: "Search term",
    button: "Search",
    intro:
      "Search municipalities, strategies, fields of action, projects, lessons learned and providers, for example for “Kita” " +
      "(day care), “Bauantrag” (building permit) or “Rechenzentrum” (data centre). The content is in German.",
    facets: {
      typ: "Kind",
      land: "State",
      kommune: "Municipality",
      thema: "Topic",
      status: "Status",
      anbieter: "Provider",
    },
    activeFilters: "Active filters (select to remove):",
    removeFilter: "Remove filter: ",
    removeAll: "Remove all filters",
    filters: "Filters",
    applyFilters: "Apply filters",
    toFilters: "Go to the filters",
    moreThan: (count) => `More than ${count} results`,
    forQuery: (query) => ` for “${query}”`,
    pages: "Result pages",
    firstPage: "First page of results",
    moreHits: "More results",
    noHitsFor: (query) => `No results for “${query}”.`,
    noHitsFilters: "No results for these filters.",
    hintSpelling:
      "Check the spelling or try a more general word (e.g. “Kita” instead of “Kita-Anmeldeportal”); the content is in German.",
    hintFilters: "Remove some of the filters above.",
    hintBrowseBefore: "Browse by ",
    hintBrowseOr: " or ",
    hintBrowseAfter: ".",
    topicsLink: "topics",
    citiesLink: "municipalities",
    notices: {
      repeatedQuery: "The search term was given more than once. Please enter exactly one search term.",
      longQuery: `The search term was longer than ${MAX_SEARCH_QUERY} characters; the search used the first ${MAX_SEARCH_QUERY}.`,
      unknownValues: "Unknown filter values were ignored.",
      tooManyValues: `At most ${MAX_VALUES_PER_FILTER} values count per filter.`,
      oddParameters: "Some parts of the address had an unknown form (e.g. “q[]”) and were ignored.",
      badCursor: "The link to the result page was invalid; this is the first page.",
      staleCursor: "The link to this result page is invalid or out of date. Please start again from the first page.",
      unknownFilter: "At least one chosen filter (municipality, topic or provider) is unknown. Remove it to search.",
    },
  },
  compare: {
    title: "Compare municipalities",
    titleFor: (names) => `Comparison: ${names}`,
    errorTitle: (title) => `Error: ${title}`,
    checkChoice: "Please check your choice",
    lead: "What the municipalities have published per topic: fields of action of their strategies, and projects with their status.",
    intro:
      "Choose municipalities and, if you like, topics: the comparison shows per topic how far each municipality has got.",
    matrixHeading: "Topics compared",
    csvLink: "Download this table as CSV",
    csvNoteBefore: " (for spreadsheets, ",
    csvNoteAfter: ").",
    legend: "Legend",
    keyFigures: "Key figures",
    changeChoice: "Change the choice",
    noTopics: "No topic with a field of action or project has been published for these municipalities yet.",
    noProjectsShown:
      "With this many cells the table names no projects; the pages of the municipalities and topics show them.",
    caption: "Status per topic and municipality",
    topic: "Topic",
    andMore: "and more",
    coverage: {
      NONE: { text: "Nothing published", description: "neither a field of action nor a project on the topic" },
      STRATEGY_ONLY: {
        text: "On paper only",
        description: "a field of action of the strategy, or projects that stayed an idea or were stopped",
      },
      PLANNED: { text: "Project planned", description: "at least one planned project, none in progress yet" },
      IN_PROGRESS: { text: "In progress", description: "at least one project in progress, none completed yet" },
      COMPLETED: { text: "Done", description: "at least one completed project" },
    },
    state: "State",
    population: "Population",
    noInformation: "not known",
    strategies: "Strategies",
    nonePublished: "none published",
    adopted: (date) => `, adopted ${date}`,
    until: (year) => `, until ${year}`,
    fieldsOfAction: "Fields of action",
    budget: "Budget",
    noBudget: "none published",
    projects: "Projects",
    providers: "Providers",
    indicators: "Indicators",
    asOf: (date) => ` (as of ${date})`,
    moreOnCityPage: "and more on the municipality's page",
    citiesLegend: (max) => `Municipalities (one to ${max})`,
    topicsLegend: "Topics (none chosen: all topics of the chosen municipalities)",
    submit: "Compare",
  },
  lessons: {
    title: "Lessons learned",
    errorTitle: "Error: lessons learned",
    lead: "What municipalities have learned about going digital: successes, pitfalls and recommendations, each with its source.",
    checkFilter: "Please check the filter",
    all: "all",
    topic: "Topic",
    kind: "Kind",
    city: "Municipality",
    filter: "Filter",
    count: (count, filtered) => `${count}${filtered ? " for this filter" : ""}.`,
    projectPrefix: " · Project: ",
    more: "More lessons learned",
  },
  nounsExtra: { topic: ["topic", "topics"], lesson: ["lesson learned", "lessons learned"] },
  changes: {
    title: "Latest changes",
    inCity: (name) => `in ${name}`,
    onTopic: (label) => `on ${label}`,
    titleWith: (scope) => `Latest changes ${scope}`,
    feedTitle: (title) => `${title} (Atom feed)`,
    lead: "What was most recently published, changed, withdrawn or archived on the IKZ hub, newest first. Drafts do not appear here.",
    subscribe: "Subscribe to this list as an Atom feed",
    showAll: "Show all changes",
    topic: "Topic",
    allTopics: "All topics",
    city: "Municipality",
    cityHint: "The short name from the municipality's address, e.g. “herten” for /kommunen/herten.",
    filter: "Filter",
    heading: "Changes",
    none: "No changes found.",
    notPublic: "(no longer public)",
    older: "Older changes",
    latest: "Recently changed",
    allChanges: "All changes",
    moment: formatMomentInEnglish,
  },
  perInhabitant: {
    heading: "Figures per inhabitant",
    lead: "Amounts from published strategies and projects, divided by the municipality's population. Only a population with a published source is divided by; where there is none, no value is given, not even an estimate.",
    populationsCaption: "Populations divided by",
    figuresCaption: "Figures per inhabitant: amount (numerator) divided by population (denominator)",
    city: "Municipality",
    population: "Inhabitants",
    asOf: "Reference date",
    source: "Source",
    notStated: "not stated",
    unavailable: "not available",
    figure: "Figure",
    numerator: "Amount (numerator)",
    denominator: "Inhabitants (denominator)",
    value: "Per inhabitant",
    noAmounts: "No published amounts",
    moreProjects: "… and further projects with annual costs",
    refusedHeading: "Populations not comparable",
    gap: (earlier, earlierDate, later, laterDate) =>
      `The populations of ${earlier} (as of ${earlierDate}) and ${later} (as of ${laterDate}) were counted more than two years apart.`,
    undated: (names) =>
      `The population of ${names} has no reference date; that it was counted close in time to the others is not shown.`,
    refused:
      "Figures per inhabitant are therefore not shown: they would not be comparable. To see them anyway, choose so in the form below or follow this link:",
    allowLink: "Show figures per inhabitant anyway",
    shownAnyway: "Shown at your request, although the reference dates are not comparable:",
    allowChoice:
      "Also show figures per inhabitant when the populations' reference dates lie more than two years apart or are missing",
  },
  legal: {
    imprint: "Legal notice (Impressum)",
    privacy: "Privacy statement",
    accessibility: "Accessibility statement",
    operatorText: "The operator's text follows in German.",
  },
  germanDetails: "Details (in German): ",
  notFound: {
    title: "Page not found",
    text: "There is nothing (or nothing any more) at this address on the IKZ hub. The entry may have been renamed or is not published.",
    home: "Go to the home page",
    allCities: "All municipalities",
    allTopics: "All topics",
  },
  error: {
    title: "Page unavailable",
    heading: "Page currently unavailable",
    unavailable: "The hub's database cannot be reached right now. Please try again in a minute.",
    rateLimited: "Very many requests came from your address in a short time. Please try again in a minute.",
    failed: "Something went wrong while building this page. Please try again later.",
    home: "Go to the home page",
  },
};

/** The texts of each language. */
export const MESSAGES: Readonly<Record<SiteLanguage, Messages>> = { de, en };
