import type { LegalPage } from "./legal-texts.js";

const NOT_FILLED_IN =
  "**Hinweis:** Der Betreiber dieses IKZ-Hubs hat diesen Text noch nicht ausgefüllt. Er legt ihn als Markdown-Datei in das Verzeichnis, das die Einstellung `SITE_LEGAL_DIR` nennt (siehe README des IKZ-Hubs, Abschnitt „Legal pages“).";

/** What each legal page says until the operator writes it: that it is missing, and what belongs in it. */
export const LEGAL_DEFAULTS: Readonly<Record<LegalPage, string>> = {
  impressum: `${NOT_FILLED_IN}

Ein Impressum nennt nach § 5 DDG und § 18 MStV, wer diese Website anbietet: Name und Anschrift der Körperschaft,
die vertretungsberechtigte Person, Kontakt (E-Mail, Telefon), die Aufsichtsbehörde und die für den Inhalt
verantwortliche Person.`,
  datenschutz: `${NOT_FILLED_IN}

Eine Datenschutzerklärung nach Art. 13 DSGVO nennt die verantwortliche Stelle und die oder den
Datenschutzbeauftragten, welche Daten beim Besuch anfallen, wozu und wie lange sie gespeichert werden, und die
Rechte der Besucherinnen und Besucher.

Was der IKZ-Hub selbst tut: Er setzt keine Cookies, lädt nichts von anderen Servern und bindet keine
Analysewerkzeuge ein. Zur Abwehr von Überlastung zählt er Anfragen je IP-Adresse für kurze Zeit (Rate-Limit);
ob und wie lange der Server Zugriffe protokolliert, legt der Betreiber fest.`,
  barrierefreiheit: `${NOT_FILLED_IN}

Diese Erklärung gilt für die Website des IKZ-Hubs unter dieser Adresse. Der Betreiber ist bemüht, sie im Einklang
mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei
zugänglich zu machen.

# Stand der Vereinbarkeit mit den Anforderungen

*Vom Betreiber auszufüllen: vollständig, teilweise oder nicht vereinbar, und auf welcher Grundlage (Selbstbewertung
oder Prüfung durch Dritte, mit Datum).*

Was der IKZ-Hub von sich aus mitbringt: Die Seiten werden auf dem Server erzeugt und funktionieren ohne JavaScript,
sind mit der Tastatur bedienbar, haben eine Sprungmarke zum Inhalt, beschriftete Formularfelder und
Navigationsbereiche, und werden bei jeder Änderung des Hubs automatisch mit axe-core gegen WCAG 2.1 A und AA
geprüft, bei 1280 und 320 Pixel Breite.

# Nicht barrierefreie Inhalte

*Vom Betreiber auszufüllen: welche Inhalte nicht barrierefrei sind, warum, und welche Alternativen es gibt.* Die
Texte der Einträge (Projekte, Strategien, Erfahrungen) stammen von den Kommunen; für ihre Verständlichkeit sind
diese verantwortlich.

# Erstellung dieser Erklärung

*Vom Betreiber auszufüllen: Datum der Erstellung und der letzten Überprüfung.*

# Feedback und Kontakt

*Vom Betreiber auszufüllen: wie Nutzerinnen und Nutzer Mängel melden und barrierefreie Informationen anfragen
können (E-Mail, Telefon, Postanschrift), und wer antwortet.*

# Schlichtungsverfahren

*Vom Betreiber auszufüllen: die zuständige Schlichtungsstelle (für Bundesbehörden die Schlichtungsstelle nach § 16
BGG, für Länder und Kommunen die Stelle nach Landesrecht) mit Anschrift und Website, und der Hinweis, dass
Betroffene dort ein kostenloses Schlichtungsverfahren einleiten können, wenn ihre Meldung nicht zufriedenstellend
beantwortet wurde.*`,
};
