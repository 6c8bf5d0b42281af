import express, { type Request, type RequestHandler, type Response } from "express";
import type { VNode } from "preact";
import type { ActiveSession } from "../../../schema/token/session.service.js";
import { pageElement } from "../../site/i18n/site-language.js";
import { PageBanner } from "../../site/layout.js";
import { NotFoundPage } from "../../site/pages/not-found.js";
import { type RunSiteQuery, SiteQueryError, type SiteQueryProblem } from "../../site/run-query.js";
import { hubOrigin } from "../../http/hub-origin.js";
import {
  type EditorPageOptions,
  type EditorRequestOptions,
  type EditorRouterOptions,
  FORM_LIMITS,
  forRequest,
  sendEditorPage,
  sessionOf,
  showSignIn,
  trustedPost,
} from "../editor-page.js";
import { type ColleagueChange } from "../pages/conflict-panel.js";
import { PreviewBanner } from "../pages/preview-banner.js";
import { HistoryPage, type Revision } from "../pages/history.js";
import { RecordFormPage, type RecordFormProps } from "../pages/record-form.js";
import { type Choices, loadChoices, type PickerSearch, searchChoices, withChosen } from "./choices.js";
import { type FieldErrors, NO_ERRORS, placeErrors } from "./field-errors.js";
import { type ChoiceList, type FormKind, formKindOf, kindPath } from "./form-kinds.js";
import {
  type FormInput,
  type FormValues,
  inputFromValues,
  MAX_ROWS,
  rowsIn,
  valuesFromBody,
  valuesFromRecord,
} from "./form-values.js";
import { type InputField, InputFieldReader } from "./input-fields.js";
import { isFormatProblem, withStandIns } from "./format-problems.js";

/** A record of the editor's city as its form reads it. */
interface LoadedRecord {
  id: string;
  version: number;
  publicationState: string;
  key: string;
  title: string;
  values: Record<string, unknown>;
  revisions: Revision[];
}

/** An editor with a city, on a form of a known kind. */
interface FormCaller {
  kind: FormKind;
  session: ActiveSession & { municipality: NonNullable<ActiveSession["municipality"]> };
}

const STALE_FORM =
  "Das Formular war abgelaufen oder kam nicht von dieser Seite; nichts wurde gespeichert. Ihre Eingaben stehen unten: Bitte speichern Sie erneut.";
/** Blank rows a repeatable group shows below its filled ones, to add without JavaScript. */
const BLANK_ROWS = 1;

/**
 * The forms of "Meine Kommune": create and edit every record type in FORM_KINDS, save as draft, preview,
 * publish, take back, archive, and the record's history. Every change is a POST carrying the session's form secret
 * from this hub's own origin; nothing changes on GET. Another city's record is a 404, as if it did not exist.
 */
export function createFormRoutes(options: EditorRouterOptions): express.Router {
  const router = express.Router();
  const reader = new InputFieldReader(options.run());
  const form = express.urlencoded({ extended: false, ...FORM_LIMITS });
  // Mounted at /meine-kommune (server/editor/editor.router.ts).
  const base = "/:segment";
  router.get(`${base}/neu`, handle(options, reader, showNew));
  router.post(`${base}/neu`, form, handle(options, reader, postNew));
  router.get(`${base}/:key/bearbeiten`, handle(options, reader, showEdit));
  router.post(`${base}/:key/bearbeiten`, form, handle(options, reader, postEdit));
  router.post(`${base}/:key/stand`, form, handle(options, reader, postState));
  router.get(`${base}/:key/vorschau`, handle(options, reader, showPreview));
  router.get(`${base}/:key/verlauf`, handle(options, reader, showHistory));
  return router;
}

type Step = (context: Context) => Promise<void>;

/** The record key of a record's route. */
function keyOf(req: Request): string {
  return String(req.params.key);
}

/** What every form step has: the request, the answer, the caller, and the hub's parts. */
interface Context extends FormCaller {
  req: Request;
  res: Response;
  options: EditorRequestOptions;
  reader: InputFieldReader;
}

/**
 * Runs a step for a signed-in editor of a city on a known form kind. Without a session a GET goes to sign-in
 * (and returns here after it); a POST shows the sign-in form carrying the posted fields, so nothing typed is lost.
 */
function handle(options: EditorRouterOptions, reader: InputFieldReader, step: Step): RequestHandler {
  return async (req, res, next) => {
    try {
      const kind = formKindOf(String(req.params.segment));
      if (!kind) return next();
      const session = await sessionOf(req, options);
      if (!session) return signInFirst(req, res, options);
      if (!session.municipality) return notFound(res, options);
      await step({
        req,
        res,
        options: forRequest(options, res),
        reader,
        kind,
        session: session as FormCaller["session"],
      });
    } catch (error) {
      next(error);
    }
  };
}

/** Sends an anonymous or expired caller to sign in, keeping a posted form's fields for afterwards. */
function signInFirst(req: Request, res: Response, options: EditorPageOptions): void {
  const back = req.originalUrl.split("?")[0];
  if (req.method !== "POST") return res.redirect(303, `/anmelden?weiter=${encodeURIComponent(back)}`);
  // Only a post this hub's page sent (its Origin says so) is carried: another site's post would put its values into
  // the editor's form as if they were the editor's own.
  if (req.headers.origin !== hubOrigin(req, options.publicUrl)) return showSignIn(req, res, options, {}, 401);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const preserved = Object.entries(body)
    .filter(([name]) => name !== "csrf" && name !== "aktion")
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)] as [string, string]),
    );
  const notice =
    "Ihre Sitzung ist abgelaufen. Nichts wurde gespeichert; Ihre Eingaben bleiben erhalten: Melden Sie sich an, dann kommen Sie mit ihnen zum Formular zurück.";
  showSignIn(req, res, options, { notice, weiter: back, preserved }, 401);
}

function notFound(res: Response, options: EditorPageOptions): void {
  sendEditorPage(res, options.site, pageElement(NotFoundPage, {}), 404);
}

/** The fields of a kind's create form (without the city: it is the editor's) or edit form. */
async function fieldsOf(context: Context, mode: "create" | "update"): Promise<InputField[]> {
  const { kind, reader } = context;
  const fields =
    mode === "create"
      ? await reader.fields(kind.createInput, ["municipality", ...(kind.omitted ?? [])])
      : await reader.fields(kind.updateInput, kind.omitted);
  const rank = (name: string) => {
    const index = kind.order.indexOf(name);
    return index < 0 ? kind.order.length : index;
  };
  const byOrder = (group: string) => (a: InputField, b: InputField) => rank(group + a.name) - rank(group + b.name);
  return [...fields]
    .sort(byOrder(""))
    .map((field) =>
      field.shape === "rows" ? { ...field, rowFields: [...field.rowFields].sort(byOrder(`${field.name}.`)) } : field,
    );
}

/** Reads the city's record of `key` as the editor; null when it does not exist, or is another city's. */
async function loadRecord(context: Context, key: string, withRevisions = false): Promise<LoadedRecord | null> {
  const { kind, options, session } = context;
  const city = session.municipality.slug;
  let record: Record<string, unknown> | null;
  const read = async (revisions: boolean) =>
    kind.pick(
      await options.run<Record<string, unknown>>(
        kind.read,
        { key, city, revisions: revisions ? 100 : 0, withRevisions: revisions },
        session.viewer,
      ),
      key,
    );
  try {
    record = await read(false);
  } catch (error) {
    // A key the API refuses to look up (too long, not a slug) names no record.
    if (error instanceof SiteQueryError && error.code === "BAD_USER_INPUT") return null;
    throw error;
  }
  const owner = (record?.municipality as { slug?: string } | undefined)?.slug;
  if (!record || (owner !== undefined && owner !== city)) return null;
  // Revisions only of the city's own record: another city's answers FORBIDDEN, and its form is a 404 anyway.
  if (withRevisions) record = kind.revisionsById ? await withRevisionsById(context, record) : await read(true);
  if (!record) return null;
  return {
    id: String(record.id),
    version: Number(record.version),
    publicationState: String(record.publicationState),
    key: String(record[kind.keyField]),
    title: kind.titleOf ? kind.titleOf(record) : String(record.title ?? key),
    values: record,
    revisions: (record.revisions as Revision[] | undefined) ?? [],
  };
}

/** The record with its revisions, read by its ID (FormKind.revisionsById); null when it is gone. */
async function withRevisionsById(
  context: Context,
  record: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  const { kind, options, session } = context;
  const document = `query EditorRevisions($id: ID!, $revisions: Int!) {
    record: node(id: $id) {
      ... on ${kind.mutationType} { revisions(first: $revisions) { action actor at version changes { field before after } } }
    }
  }`;
  const data = await options.run<{ record: Record<string, unknown> | null }>(
    document,
    { id: record.id, revisions: 100 },
    session.viewer,
  );
  return data.record && { ...record, revisions: data.record.revisions };
}

/** Rows each repeatable group shows: its filled ones, plus blank ones (and one more when asked to add a row). */
function rowCounts(
  fields: readonly InputField[],
  values: FormValues,
  body: Record<string, unknown>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const field of fields.filter((candidate) => candidate.shape === "rows")) {
    const shown = Number(body[`zeilen.${field.name}`]) || 0;
    const added = body.aktion === `zeile:${field.name}` ? 1 : 0;
    counts[field.name] = Math.min(MAX_ROWS, Math.max(rowsIn(values, field.name) + BLANK_ROWS, shown) + added);
  }
  return counts;
}

interface Render {
  fields: InputField[];
  values: FormValues;
  record: LoadedRecord | null;
  errors?: FieldErrors;
  status?: number;
  notice?: string | null;
  conflict?: ColleagueChange[] | null;
  version?: number | null;
  /** What a picker's search found (a redraw for "… suchen"). */
  search?: PickerSearch | null;
}

/** The values the form holds per picker list: each field's and each row's chosen keys. */
function chosenOf(kind: FormKind, values: FormValues): Partial<Record<ChoiceList, string[]>> {
  const chosen: Partial<Record<ChoiceList, string[]>> = {};
  for (const [key, value] of Object.entries(values)) {
    // A row's field `costs[2].sources` picks from the list of `costs.sources`.
    const list = kind.choices[key.replace(/\[\d+\]/, "")];
    if (!list) continue;
    (chosen[list] ??= []).push(...(Array.isArray(value) ? value : [value]).filter(Boolean));
  }
  return chosen;
}

/**
 * The pickers' lists: the first 100 entries of each, the names of chosen entries beyond them, and what a search
 * found (offered in its list too, to choose there).
 */
async function choicesFor(context: Context, values: FormValues, search: PickerSearch | null): Promise<Choices> {
  const { kind, options, session } = context;
  const lists = Object.values(kind.choices);
  const first = await loadChoices(options.run, session.viewer, session.municipality.slug, lists);
  const choices = await withChosen(options.run, session.viewer, first, chosenOf(kind, values));
  const set = search && choices[search.list];
  if (!set || !search.found.length) return choices;
  const known = new Set(set.options.map((option) => option.value));
  const found = search.found.filter((choice) => !known.has(choice.value));
  return { ...choices, [search.list]: { ...set, options: [...set.options, ...found] } };
}

/** Sends a record's form. */
async function renderForm(context: Context, render: Render): Promise<void> {
  const { kind, options, session, req, res } = context;
  const choices = await choicesFor(context, render.values, render.search ?? null);
  const body = (req.method === "POST" ? req.body : {}) as Record<string, unknown>;
  const props: RecordFormProps = {
    kind,
    recordKey: render.record?.key ?? null,
    title: render.record?.title ?? null,
    publicationState: render.record?.publicationState ?? null,
    fields: render.fields,
    values: render.values,
    errors: render.errors ?? NO_ERRORS,
    choices,
    rows: rowCounts(render.fields, render.values, body),
    csrf: session.csrfSecret,
    version: render.version ?? render.record?.version ?? null,
    notice: render.notice ?? null,
    conflict: render.conflict ?? null,
    related: render.record && kind.related ? kind.related(render.record.values) : null,
    search: render.search ?? null,
  };
  sendEditorPage(res, options.site, pageElement(RecordFormPage, props), render.status ?? 200);
}

async function showNew(context: Context): Promise<void> {
  await renderForm(context, { fields: await fieldsOf(context, "create"), values: prefilled(context), record: null });
}

/**
 * The values a "new" form starts with: the kind's defaults, and what a "new" link presets through the kind's query
 * parameters (FormKind.prefill), e.g. a part's strategy.
 */
function prefilled({ kind, req }: Context): FormValues {
  const values: FormValues = { ...kind.defaults };
  for (const [parameter, field] of Object.entries(kind.prefill ?? {})) {
    const value = req.query[parameter];
    if (typeof value === "string") values[field] = value.slice(0, 200);
  }
  return values;
}

/** Whether a POST only redraws the form (add a row, resume after sign-in) rather than saving. */
function redrawOnly(body: Record<string, unknown>): boolean {
  return typeof body.aktion === "string" && (body.aktion.startsWith("zeile:") || body.aktion === "zeigen");
}

/** The prefix of the button that searches a picker's list (`suchen:sources`), and of its text field (`suche.sources`). */
const SEARCH_ACTION = "suchen:";
export const SEARCH_FIELD = "suche.";

/** Whether a POST asks to search a picker's list ("Quelle suchen") rather than to save. */
function searchAsked(body: Record<string, unknown>): boolean {
  return typeof body.aktion === "string" && body.aktion.startsWith(SEARCH_ACTION);
}

/**
 * The list a search POST is for: the one its button names, unless only another list's search line holds text (Enter
 * in a search line presses the form's first button, which may be another list's, or the hidden default one that names
 * none); null when it names no list of the kind's form and no search line holds text.
 */
function searchedList(kind: FormKind, body: Record<string, unknown>): ChoiceList | null {
  const named = String(body.aktion).slice(SEARCH_ACTION.length) as ChoiceList;
  const lists = [...new Set(Object.values(kind.choices))];
  const typed = (list: ChoiceList) => {
    const text = body[SEARCH_FIELD + list];
    return typeof text === "string" && text.trim() !== "";
  };
  if (lists.includes(named) && (typed(named) || !lists.some(typed))) return named;
  return lists.find(typed) ?? null;
}

/** The search a POST asks for: the list (searchedList) and the posted text; else null. */
async function postedSearch(context: Context, body: Record<string, unknown>): Promise<PickerSearch | null> {
  const { kind, options, session } = context;
  const list = searchedList(kind, body);
  if (!list) return null;
  const text = body[SEARCH_FIELD + list];
  return searchChoices(options.run, session.viewer, list, typeof text === "string" ? text : "");
}

/** The problems of a refused write, placed at the form's fields. */
function problemsOf(error: unknown): readonly SiteQueryProblem[] | null {
  return error instanceof SiteQueryError && error.problems.length ? error.problems : null;
}

/**
 * Codes of a refused write that the form shows at its fields; anything else is the hub's own failure. FORBIDDEN: a
 * post naming another city's record to hang a new one on (a strategy's part posted with a foreign strategy's slug).
 */
const FORM_CODES = new Set(["BAD_USER_INPUT", "CONFLICT", "GRAPHQL_VALIDATION_FAILED", "FORBIDDEN"]);

function isFormProblem(problems: readonly SiteQueryProblem[]): boolean {
  return problems.every((problem) => FORM_CODES.has(problem.code ?? ""));
}

/**
 * Writes a form's input through `run` and answers the record's key afterwards; as a dry run (`@dryRun`: every
 * check, nothing saved) when asked.
 */
type Write = (run: RunSiteQuery, input: Record<string, unknown>, dryRun: boolean) => Promise<string>;

/** A posted form's record (null for a new one), the version it was read at, its write, and where a save leads. */
interface Submission {
  record: LoadedRecord | null;
  version?: number;
  write: Write;
  /** The page after a saved write, by the record's key. */
  savedPath: (key: string) => string;
}

/** The values a form was posted with, read as its fields, and the API input made of them. */
interface Posted {
  fields: InputField[];
  values: FormValues;
  formInput: FormInput;
}

/**
 * Every problem of a refused write at once. GraphQL refuses a value it cannot read (a malformed amount, a blank
 * required choice) before the API checks anything else; then the same write runs again as a dry run with a valid
 * value standing in for each refused one (format-problems.ts), and its problems join GraphQL's, which keep their
 * fields. Null (with the problems) when a colleague's newer version is the problem: the conflict view is due.
 */
async function allProblems(
  context: Context,
  { fields, formInput }: Posted,
  submission: Submission,
  problems: readonly SiteQueryProblem[],
): Promise<FieldErrors | null> {
  const { options } = context;
  const format = problems.filter(isFormatProblem);
  let found = problems;
  const standIns = format.length ? withStandIns(formInput.input, format, fields) : null;
  if (standIns) {
    try {
      await submission.write(options.run, standIns, true);
      found = [];
    } catch (error) {
      found = problemsOf(error) ?? [];
      if (!found.length || !isFormProblem(found)) throw error;
    }
  }
  const { record, version } = submission;
  const outdated = record !== null && version !== undefined && version !== record.version;
  if (outdated && found.some((problem) => problem.code === "CONFLICT")) return null;
  if (found === problems) return placeErrors(problems, fields, formInput.formRows);
  const own = placeErrors(format, fields, formInput.formRows);
  const theirs = placeErrors(found, fields, formInput.formRows, own.byField);
  return { byField: theirs.byField, general: [...own.general, ...theirs.general] };
}

/**
 * Saves a posted form: refused without the form's secret, redrawn for another row, previewed when asked, else
 * written through the API and redirected; every problem is shown at its field, a colleague's newer version as the
 * conflict view.
 */
async function submit(context: Context, fields: InputField[], submission: Submission): Promise<void> {
  const { req, res, options, session } = context;
  const { record, version } = submission;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const values = valuesFromBody(body, fields);
  const shown = { fields, values, record, version };
  if (!trustedPost(req, options, session.csrfSecret))
    return renderForm(context, { ...shown, status: 403, errors: { byField: {}, general: [STALE_FORM] } });
  if (redrawOnly(body)) return renderForm(context, shown);
  if (searchAsked(body)) {
    const search = await postedSearch(context, body);
    // The hidden default button without any search text (Enter in another line) only redraws the form.
    const redraw = !search && body.aktion === SEARCH_ACTION;
    return renderForm(context, { ...shown, search, status: redraw || (search && !search.problem) ? 200 : 400 });
  }
  const posted: Posted = { fields, values, formInput: inputFromValues(values, fields) };
  if (body.aktion === "vorschau") return previewInput(context, posted, submission);
  try {
    const key = await submission.write(options.run, posted.formInput.input, false);
    res.redirect(303, submission.savedPath(key));
  } catch (error) {
    await showProblems(context, posted, submission, error);
  }
}

/** The form again after a refused write (or preview): every problem at its field, or the conflict view. */
async function showProblems(context: Context, posted: Posted, submission: Submission, error: unknown): Promise<void> {
  const problems = problemsOf(error);
  if (!problems || !isFormProblem(problems)) throw error;
  const errors = await allProblems(context, posted, submission, problems);
  const { fields, values } = posted;
  const { record, version } = submission;
  if (!errors) return showConflict(context, fields, values, version!);
  await renderForm(context, { fields, values, record, version, status: 400, errors });
}

/**
 * "Vorschau" of the form's unsaved input: the write and the public page's own query run as the editor in one
 * transaction that is rolled back (server/site/run-query.ts `createRolledBackRunner`), and the page's template
 * renders what the query read. Nothing is saved; problems of the input show at their fields instead.
 */
async function previewInput(context: Context, posted: Posted, submission: Submission): Promise<void> {
  const { kind, req, res, options, session } = context;
  const { fields, values } = posted;
  if (!kind.preview)
    return renderForm(context, {
      fields,
      values,
      record: submission.record,
      version: submission.version,
      status: 400,
      errors: { byField: {}, general: [`Für diese Art von Eintrag (${kind.noun}) gibt es keine Vorschau.`] },
    });
  const origin = hubOrigin(req, options.publicUrl);
  let page: VNode | null;
  try {
    page = await options.runRolledBack(session.viewer, async (run) => {
      const key = await submission.write(run, posted.formInput.input, false);
      return kind.preview!(run, session.viewer, key, origin, session.municipality.slug);
    });
  } catch (error) {
    return showProblems(context, posted, submission, error);
  }
  if (!page) return notFound(res, options);
  const { record, version } = submission;
  const banner = PreviewBanner({
    kind,
    recordKey: record?.key ?? null,
    csrf: session.csrfSecret,
    version: version ?? null,
    values,
  });
  sendEditorPage(res, options.site, <PageBanner.Provider value={banner}>{page}</PageBanner.Provider>);
}

async function postNew(context: Context): Promise<void> {
  const { kind, session } = context;
  await submit(context, await fieldsOf(context, "create"), {
    record: null,
    write: async (run, input, dryRun) => {
      const document = `mutation EditorCreate($input: ${kind.createInput}!) ${dryRun ? "@dryRun " : ""}{
        record: create${kind.mutationType}(input: $input) { ${kind.keyField} }
      }`;
      const data = await run<{ record: Record<string, string> }>(
        document,
        { input: kind.ownedThrough ? input : { ...input, municipality: session.municipality.slug } },
        session.viewer,
      );
      return data.record[kind.keyField];
    },
    savedPath: (key) => `${kindPath(kind, key)}/bearbeiten?gespeichert=neu`,
  });
}

/** The notice after a redirect that followed a successful write. */
const SAVED: Readonly<Record<string, string>> = {
  neu: "Als Entwurf gespeichert.",
  ja: "Gespeichert.",
  veroeffentlichen: "Veröffentlicht.",
  zurueckziehen: "Zurückgezogen: wieder ein Entwurf.",
  archivieren: "Archiviert.",
};

async function showEdit(context: Context): Promise<void> {
  const record = await loadRecord(context, keyOf(context.req));
  if (!record) return notFound(context.res, context.options);
  const fields = await fieldsOf(context, "update");
  const saved = context.req.query.gespeichert;
  await renderForm(context, {
    fields,
    values: valuesFromRecord(record.values, fields),
    record,
    notice: typeof saved === "string" ? (SAVED[saved] ?? null) : null,
  });
}

/** The version a form was read at, as posted; null when missing or not a number. */
function postedVersion(body: Record<string, unknown>): number | null {
  const version = Number(body.version);
  return Number.isSafeInteger(version) && version >= 0 ? version : null;
}

/** What colleagues changed after `since`, field by field, oldest first (from the record's revisions). */
function changesSince(record: LoadedRecord, since: number): ColleagueChange[] {
  return record.revisions
    .filter((revision) => revision.version !== null && revision.version > since)
    .reverse()
    .flatMap((revision) => revision.changes.map((change) => ({ ...change, actor: revision.actor, at: revision.at })));
}

/** The conflict view: the editor's input kept, the colleague's changes beside it, and the current version to save over. */
async function showConflict(context: Context, fields: InputField[], values: FormValues, seen: number): Promise<void> {
  const current = await loadRecord(context, keyOf(context.req), true);
  if (!current) return notFound(context.res, context.options);
  if (current.publicationState === "ARCHIVED")
    return renderForm(context, {
      fields,
      values,
      record: current,
      status: 409,
      errors: {
        byField: {},
        general: ["Dieser Eintrag wurde inzwischen archiviert und kann nicht mehr geändert werden."],
      },
    });
  await renderForm(context, {
    fields,
    values,
    record: current,
    status: 409,
    conflict: changesSince(current, seen),
  });
}

async function postEdit(context: Context): Promise<void> {
  const { kind, req, res, options, session } = context;
  const record = await loadRecord(context, keyOf(req));
  if (!record) return notFound(res, options);
  const version = postedVersion((req.body ?? {}) as Record<string, unknown>) ?? record.version;
  await submit(context, await fieldsOf(context, "update"), {
    record,
    version,
    write: async (run, input, dryRun) => {
      const document = `mutation EditorUpdate($id: ID!, $version: Int!, $input: ${kind.updateInput}!) ${dryRun ? "@dryRun " : ""}{
        record: update${kind.mutationType}(id: $id, version: $version, input: $input) { ${kind.keyField} }
      }`;
      const data = await run<{ record: Record<string, string> }>(
        document,
        { id: record.id, version, input },
        session.viewer,
      );
      return data.record[kind.keyField];
    },
    savedPath: () => `${kindPath(kind, record.key)}/bearbeiten?gespeichert=ja`,
  });
}

/** The state changes the form offers, by the posted `aktion`. */
const STATE_ACTIONS: Readonly<Record<string, string>> = {
  veroeffentlichen: "publish",
  zurueckziehen: "unpublish",
  archivieren: "archive",
};

async function postState(context: Context): Promise<void> {
  const { kind, req, res, options, session } = context;
  const record = await loadRecord(context, keyOf(req));
  if (!record) return notFound(res, options);
  const fields = await fieldsOf(context, "update");
  const values = valuesFromRecord(record.values, fields);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const verb =
    typeof body.aktion === "string" && Object.hasOwn(STATE_ACTIONS, body.aktion)
      ? STATE_ACTIONS[body.aktion]
      : undefined;
  if (!trustedPost(req, options, session.csrfSecret))
    return renderForm(context, { fields, values, record, status: 403, errors: { byField: {}, general: [STALE_FORM] } });
  // Back from a sign-in that interrupted a state change: the form again, for the editor to choose once more.
  if (body.aktion === "zeigen") return renderForm(context, { fields, values, record, status: 200, errors: NO_ERRORS });
  if (!verb)
    return renderForm(context, {
      fields,
      values,
      record,
      status: 400,
      errors: { byField: {}, general: ["Unbekannte Aktion."] },
    });
  const seen = postedVersion(body) ?? record.version;
  const document = `mutation EditorState($id: ID!, $version: Int) { record: ${verb}${kind.mutationType}(id: $id, version: $version) { version } }`;
  try {
    await options.run(document, { id: record.id, version: seen }, session.viewer);
    res.redirect(303, `${kindPath(kind, record.key)}/bearbeiten?gespeichert=${body.aktion as string}`);
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems || !isFormProblem(problems)) throw error;
    if (problems.some((problem) => problem.code === "CONFLICT") && seen !== record.version)
      return showConflict(context, fields, values, seen);
    await renderForm(context, { fields, values, record, status: 400, errors: placeErrors(problems, fields) });
  }
}

/** The banner over a preview: what it is, and the way back. */
function previewBanner(kind: FormKind, key: string, state: string) {
  return (
    <div class="preview-banner" role="note" aria-label="Vorschau">
      <p>
        <strong>Vorschau</strong>
        {state === "PUBLISHED" ? "" : " eines Entwurfs"}: So sieht die Öffentlichkeit diese Seite
        {state === "PUBLISHED" ? "." : " nach dem Veröffentlichen."}{" "}
        <a href={`${kindPath(kind, key)}/bearbeiten`}>Zurück zum Formular</a>
      </p>
    </div>
  );
}

async function showPreview(context: Context): Promise<void> {
  const { kind, req, res, options, session } = context;
  const record = await loadRecord(context, keyOf(req));
  if (!record || !kind.preview) return notFound(res, options);
  const origin = hubOrigin(req, options.publicUrl);
  const page = await kind.preview(options.run, session.viewer, record.key, origin, session.municipality.slug);
  if (!page) return notFound(res, options);
  const framed = (
    <PageBanner.Provider value={previewBanner(kind, record.key, record.publicationState)}>{page}</PageBanner.Provider>
  );
  sendEditorPage(res, options.site, framed);
}

async function showHistory(context: Context): Promise<void> {
  const { kind, req, res, options } = context;
  const record = await loadRecord(context, keyOf(req), true);
  if (!record) return notFound(res, options);
  // A revision may hold any field of either form (a part's strategy is only chosen when it is created).
  const [update, create] = [await fieldsOf(context, "update"), await fieldsOf(context, "create")];
  const fields = [...update, ...create.filter((field) => !update.some((known) => known.name === field.name))];
  const page = pageElement(HistoryPage, {
    kind,
    recordKey: record.key,
    title: record.title,
    revisions: record.revisions,
    fields,
  });
  sendEditorPage(res, options.site, page);
}
