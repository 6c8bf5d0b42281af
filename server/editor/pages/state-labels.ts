/** The German names of the publication states. */
export const STATE_LABELS: Readonly<Record<string, string>> = {
  DRAFT: "Entwurf",
  PUBLISHED: "Veröffentlicht",
  ARCHIVED: "Archiviert",
};
