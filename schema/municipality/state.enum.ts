import { registerEnumType } from "type-graphql";

/** The sixteen German states (Länder), by their ISO 3166-2:DE subdivision code. */
export enum State {
  BW = "BW",
  BY = "BY",
  BE = "BE",
  BB = "BB",
  HB = "HB",
  HH = "HH",
  HE = "HE",
  MV = "MV",
  NI = "NI",
  NW = "NW",
  RP = "RP",
  SL = "SL",
  SN = "SN",
  ST = "ST",
  SH = "SH",
  TH = "TH",
}

/** Official German names of the states, for display. */
export const STATE_NAMES: Readonly<Record<State, string>> = {
  BW: "Baden-Württemberg",
  BY: "Bayern",
  BE: "Berlin",
  BB: "Brandenburg",
  HB: "Bremen",
  HH: "Hamburg",
  HE: "Hessen",
  MV: "Mecklenburg-Vorpommern",
  NI: "Niedersachsen",
  NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz",
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
  SH: "Schleswig-Holstein",
  TH: "Thüringen",
};

/**
 * The first two digits of an official municipality key (AGS) name the state.
 * Used to check that a municipality's AGS and state agree.
 */
export const STATE_AGS_PREFIX: Readonly<Record<State, string>> = {
  SH: "01",
  HH: "02",
  NI: "03",
  HB: "04",
  NW: "05",
  HE: "06",
  RP: "07",
  BW: "08",
  BY: "09",
  SL: "10",
  BE: "11",
  BB: "12",
  MV: "13",
  SN: "14",
  ST: "15",
  TH: "16",
};

registerEnumType(State, {
  name: "State",
  description: "A German state (Land), by its ISO 3166-2:DE code without the `DE-` prefix.",
  valuesConfig: Object.fromEntries(Object.entries(STATE_NAMES).map(([code, name]) => [code, { description: name }])),
});
