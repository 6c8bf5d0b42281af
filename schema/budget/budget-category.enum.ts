import { registerEnumType } from "type-graphql";

/** Budget category of a strategy's budget line. */
export enum BudgetCategory {
  EXPENSE = "EXPENSE",
  INVESTMENT = "INVESTMENT",
  ANNUAL_FEE = "ANNUAL_FEE",
  PERSONNEL = "PERSONNEL",
  OTHER = "OTHER",
}

registerEnumType(BudgetCategory, {
  name: "BudgetCategory",
  description: "Category of a budget line.",
  valuesConfig: {
    EXPENSE: { description: "Aufwendungen (consumptive expenses)." },
    INVESTMENT: { description: "Investitionen." },
    ANNUAL_FEE: { description: "Recurring yearly fee, e.g. a usage fee." },
    PERSONNEL: { description: "Personnel costs." },
    OTHER: { description: "Anything else." },
  },
});

/** German names of the budget categories: the website, project cards and exports (`*_label` columns) show them. */
export const BUDGET_CATEGORY_LABELS: Readonly<Record<BudgetCategory, string>> = {
  ANNUAL_FEE: "Jährliche Gebühr",
  EXPENSE: "Aufwand",
  INVESTMENT: "Investition",
  OTHER: "Sonstiges",
  PERSONNEL: "Personal",
};
