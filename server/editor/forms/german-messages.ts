/**
 * The API's English messages an editor meets most, in German for the form (the API speaks English to programs).
 * A message not listed is shown as the API words it, after a German lead-in.
 */
const GERMAN: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /must be lowercase letters and digits joined by single hyphens/,
    () => "Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. „herten-kita-online“.",
  ],
  [
    /must begin with "([^"]+)", the slug of your municipality/,
    (m) => `Muss mit „${m[1]}“ beginnen, dem Kurznamen Ihrer Kommune.`,
  ],
  [
    /must not be blank|of required type "?[\w!]+"? was not provided|Expected non-nullable type .* not to be null|cannot be empty/,
    () => "Bitte ausfüllen.",
  ],
  [/is at most (\d+) characters/, (m) => `Höchstens ${m[1]} Zeichen.`],
  [/names at most (\d+) records/, (m) => `Höchstens ${m[1]} Einträge.`],
  [/must be an http\(s\) address/, () => "Bitte eine Adresse angeben, die mit http:// oder https:// beginnt."],
  [/must be (\d+) or later/, (m) => `Frühestens ${m[1]}.`],
  [/must be (\d+) or earlier/, (m) => `Spätestens ${m[1]}.`],
  [/cannot lie in the future/, () => "Dieses Datum darf nicht in der Zukunft liegen."],
  [
    /PartialDate must be a date written/,
    () => "Bitte als Jahr, Jahr-Monat oder Jahr-Monat-Tag schreiben: „2021“, „2021-08“ oder „2021-08-26“.",
  ],
  [
    /Decimal must be a string like/,
    () => "Bitte einen Betrag wie „1234.50“ angeben: ohne Tausenderpunkte, höchstens zwei Nachkommastellen.",
  ],
  [
    /is negative; only a cost of kind DIFFERENCE/,
    () => "Nur eine Differenz (Einsparung) kann negativ sein; Kosten und Vergleichswerte nicht.",
  ],
  [/must be an ISO 4217 code of three capital letters/, () => "Drei Großbuchstaben nach ISO 4217, z. B. „EUR“."],
  [/Int cannot represent|Float cannot represent/, () => "Bitte eine Zahl angeben."],
  [/does not exist in "\w+" enum/, () => "Bitte einen der angebotenen Werte wählen."],
  [/Unknown values? in [\w.[\]]+: (.*?)\. /, (m) => `Unbekannt: ${m[1]}. Bitte aus der Liste wählen.`],
  [
    /(.*) (?:is|are) archived and can no longer be referred to/,
    () => "Archivierte Einträge können nicht mehr genannt werden.",
  ],
  [
    /belongs to another municipality; an editor token writes only/,
    () =>
      "Das gehört zu einer anderen Kommune: Sie schreiben nur Einträge Ihrer eigenen Kommune. Nichts wurde gespeichert.",
  ],
  [/is already in use/, () => "Schon vergeben: Bitte wählen Sie einen anderen."],
  [/it has no topic/, () => "Zum Veröffentlichen braucht der Eintrag mindestens ein Thema."],
  [
    /it cites no published source/,
    () => "Zum Veröffentlichen braucht der Eintrag mindestens eine veröffentlichte Quelle.",
  ],
];

/** The German text of one of the API's messages, or the message after "Die Schnittstelle meldet:". */
export function inGerman(message: string): string {
  for (const [pattern, german] of GERMAN) {
    const match = pattern.exec(message);
    if (match) return german(match);
  }
  return `Die Schnittstelle meldet: ${message}`;
}
