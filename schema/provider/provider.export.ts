import { enumColumns, tableExport } from "../common/export/table-export.js";
import { STATE_NAMES } from "../municipality/state.enum.js";
import { PROVIDER_KIND_LABELS } from "./provider-kind.enum.js";
import { Provider } from "./provider.entity.js";

/** `/export/providers.csv` and `.json`: every provider (IT service providers, vendors, consultancies). */
export const providerExport = tableExport({
  name: "providers",
  title: "Anbieter",
  description: "Eine Zeile je Anbieter (IT-Dienstleister, Hersteller, Beratung, Verband).",
  entity: Provider,
  from: "provider r",
  order: ["r.name", "r.slug"],
  columns: [
    { header: "slug", sql: "r.slug", description: "Kurzname des Anbieters im Hub", type: "code" },
    { header: "name", sql: "r.name", description: "Name des Anbieters", type: "text" },
    { header: "legal_name", sql: "r.legal_name", description: "Name laut Handelsregister oder Satzung", type: "text" },
    ...enumColumns({ header: "kind", sql: "r.kind", description: "Art des Anbieters" }, PROVIDER_KIND_LABELS),
    { header: "seat", sql: "r.seat", description: "Sitz", type: "text" },
    ...enumColumns(
      { header: "states_served", sql: "r.states_served", description: "Länder, in denen er tätig ist", list: true },
      STATE_NAMES,
    ),
    { header: "website", sql: "r.website", description: "Website", type: "url" },
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
  ],
});
