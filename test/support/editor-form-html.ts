/**
 * What the editor forms' HTTP tests read from a form page as a browser without JavaScript would: the fields the
 * record form posts, the same with some values changed, and the fields marked invalid with their messages.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The fields the record form of `html` posts as a browser would: inputs (checkboxes only when ticked), text areas,
 * and the selected options of each select; the submit buttons left out.
 */
export function postedFields(html: string): [string, string][] {
  const form = /<form[^>]*class="filter-form record-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1];
  const fields: [string, string][] = [];
  const controls = /<input\b[^>]*>|<textarea\b[^>]*>[\s\S]*?<\/textarea>|<select\b[^>]*>[\s\S]*?<\/select>/g;
  for (const [control] of form.matchAll(controls)) {
    const name = attribute(control, "name");
    if (!name) continue;
    if (control.startsWith("<input")) {
      if (attribute(control, "type") === "checkbox" && !/\schecked\b/.test(control)) continue;
      fields.push([name, unescape(attribute(control, "value") ?? "")]);
    } else if (control.startsWith("<textarea"))
      fields.push([name, unescape(/>([\s\S]*?)<\/textarea>/.exec(control)![1])]);
    else
      for (const [option] of control.matchAll(/<option\b[^>]*>/g))
        if (/\sselected\b/.test(option)) fields.push([name, unescape(attribute(option, "value") ?? "")]);
  }
  return fields;
}

/** `fields` with the values of `changes` in place of their names' (a list of several values replaces them all). */
export function changed(fields: [string, string][], changes: Record<string, string | string[]>): [string, string][] {
  const kept = fields.filter(([name]) => !(name in changes));
  const added = Object.entries(changes).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => [name, item] as [string, string]),
  );
  return [...kept, ...added];
}

/** The form fields (by their `feld-…` ids, without `feld-`) the page marks invalid, sorted. */
export const invalidFields = (html: string): string[] =>
  [...html.matchAll(/id="feld-([\w-]+)"[^>]*aria-invalid="true"/g)].map((match) => match[1]).sort();

/** The message shown at the field with the id `feld-${id}` (empty when there is none). */
export const messageAt = (html: string, id: string): string =>
  new RegExp(`id="feld-${id}-fehler"[^>]*>([\\s\\S]*?)</span>`).exec(html)?.[1] ?? "";

/** The options of the select named `name` in `html`, in order: value, shown text, and whether selected. */
export function optionsOf(html: string, name: string): { value: string; label: string; selected: boolean }[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  if (!select) return [];
  return [...select[1].matchAll(/(<option\b[^>]*>)([^<]*)<\/option>/g)].map(([, tag, label]) => ({
    value: unescape(attribute(tag, "value") ?? ""),
    label: unescape(label),
    selected: /\sselected\b/.test(tag),
  }));
}
