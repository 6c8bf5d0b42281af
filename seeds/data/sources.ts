import type { SourceSeed } from "../seed-data.js";

/** The key of the reference facts (AGS, administrative districts, providers' legal names and seats). */
export const REFERENCE = "referenzangaben-index";

/**
 * The five publications the seed data is taken from, one per seed document, and the reference facts of the
 * documents' index, which the publications themselves do not contain.
 */
export const sources: SourceSeed[] = [
  {
    key: "ratingen-trimborn-2021",
    title: "Ratingen: Digitalisierungsstrategie „Ratingen.digital 2025plus“ (Fachbeitrag von Ulrike Trimborn)",
    publisher: null,
    author: "Ulrike Trimborn",
    publishedOn: null,
    url: null,
    document: "000_1275885f8553db4d.txt",
    note:
      "Der Beitrag hat im vorliegenden Text keine Überschrift; der Titel ist beschreibend gewählt. " +
      "Die Autorin wird als Mitarbeiterin der Stadtverwaltung Ratingen vorgestellt. Verlag bzw. Medium und " +
      "Erscheinungsdatum nennt der Text nicht; da er den Ratsbeschluss von Ende August 2021 berichtet, " +
      "ist er danach erschienen. Der Schlüssel enthält deshalb nur das Jahr 2021 als Orientierung.",
  },
  {
    key: "kommune21-ratingen-2021-07-02",
    title: "Ratingen: Strategiepapier veröffentlicht",
    publisher: "Kommune21",
    author: "sib",
    publishedOn: "2021-07-02",
    url: null,
    document: "001_25f90e8facda2923.txt",
    note:
      "Meldung vom 2.7.2021, Quellenangabe „www.kommune21.de“; eine Adresse der Meldung selbst nennt der Text nicht. " +
      "Autor/Autorin nur mit dem Kürzel „sib“ angegeben. Die Meldung stützt sich nach eigener Angabe auf eine " +
      "Pressemeldung der Stadt Ratingen und verweist auf das Strategiepapier (649 KB) unter https://www.stadt-ratingen.de. " +
      "Der Vorspann sagt, die Beratung im Ausschuss für Digitalisierung stehe noch aus, der Schluss, das Papier sei am " +
      "24. Juni dort eingebracht worden und solle nach der Sommerpause beraten werden.",
  },
  {
    key: "herten-vorlage-18-203",
    title:
      "Vorlage 18/203: Einrichtung einer Arbeitsgruppe „Digitalisierung der Stadt“ (Bericht zur IT- und Digitalisierungsstrategie)",
    publisher: "Stadt Herten",
    author: "Stadt Herten, Fachbereich 1.1 (Federführung)",
    publishedOn: null,
    url: "http://rat.jidv.de/?p=2832",
    document: "002_176aaf5e100d6579.txt",
    note:
      "Öffentliche Beschlussvorlage, Federführung Fachbereich 1.1, Beratungsfolge Haupt- und Finanzausschuss 22.11.2018 " +
      "und Rat 28.11.2018; mit Anlage Antrag des Ratsherrn Jürgens vom 27.02.2018. Das Zustelldatum ist leer. " +
      "Der Text ist die Wiedergabe auf einer Website (Permanentlink http://rat.jidv.de/?p=2832), deren Betreiber nicht genannt wird. " +
      "Bei der Textextraktion sind Bindestriche verloren gegangen („Aufund“, „Strategieund“, „ITund“); der Satz zu den " +
      "finanziellen Auswirkungen bricht ab („Diese können jeweils nur im Einzelfall“).",
  },
  {
    key: "kelsterbach-aktuell-2023-10",
    title:
      "Abteilung für städtische Digitalisierung stellt ersten Jahresbericht vor (Kelsterbach aktuell, Ausgabe 10/2023, Seite 3)",
    publisher: "Kelsterbach aktuell",
    author: "ana",
    publishedOn: "2023",
    url: null,
    document: "003_54664fbd0adb4fdd.txt",
    note:
      "Ausgabe 10/2023, Seite 3; ein Tag wird nicht genannt. Ob „10“ den Monat Oktober oder eine laufende Ausgabennummer " +
      "(etwa eines Wochenblatts) bezeichnet, sagt der Text nicht; deshalb ist nur das Jahr 2023 eingetragen. " +
      "Der Inhalt (erster Jahresbericht mit Zahlen für 2022 und einem „Ausblick 2023“) spräche eher für eine Ausgabe " +
      "früh im Jahr 2023. Autor/Autorin nur mit dem Kürzel „ana“ angegeben; der Herausgeber des Blatts wird nicht genannt.",
  },
  {
    key: "hildesheim-vorlage-20-281",
    title:
      "Vorlage 20/281: Digitalisierungsstrategie für die Stadtverwaltung Hildesheim; „Digitale Stadtverwaltung 2025“",
    publisher: "Stadt Hildesheim (Ratsinformationssystem)",
    author: "Sylvia Sauer",
    publishedOn: null,
    url: null,
    document: "004_44b317ac410e0c02.txt",
    note:
      "Beschlussvorlage, öffentlich. Verfasserin „Sauer, Sylvia“, federführend Stabsstelle Digitalisierung, " +
      "Bearbeiterin „Ladwig, Katja“. Ein Datum der Vorlage ist nicht angegeben; sie kündigt die Vorstellung am " +
      "14.09.2020 als künftig an und wurde also davor verfasst. Die Anlagen (Anlage 1: Strategie, 7706 KB; " +
      "Anlage 2: Finanzplan, 65 KB) sind im Text nicht enthalten.",
  },
  {
    key: REFERENCE,
    title:
      "Öffentliche Referenzangaben zu den vier Städten und zu regio iT, ekom21 und KRZN (Verzeichnis der Quelltexte)",
    publisher: null,
    author: null,
    publishedOn: null,
    url: null,
    document: "INDEX.md",
    note:
      "Das Verzeichnis der Quelltexte stellt als öffentliche Referenzangaben zusammen: amtlicher Gemeindeschlüssel (AGS), Land, " +
      "Regierungsbezirk und Kreis der vier Städte sowie Rechtsname, Sitz und Tätigkeitsgebiet von regio iT, ekom21 und KRZN. " +
      "Amtlich geführt wird der AGS im Gemeindeverzeichnis der statistischen Ämter. Die Pressetexte und Vorlagen selbst " +
      "nennen diese Angaben nicht (außer dem Regierungsbezirk Düsseldorf bei Kommune21 und dem Sitz Aachen im Ratinger Fachbeitrag).",
  },
];
