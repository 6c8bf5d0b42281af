/**
 * Bundles the GraphQL explorer (server/explorer/browser/) with esbuild into
 * dist/server/explorer/assets/: Monaco's three workers, the GraphiQL app (an ES
 * module split into chunks for Monaco and Prettier) and its stylesheet, every file
 * named by its content hash, a gzipped copy of each script and stylesheet (7 MB
 * become about 2), and manifest.json, which tells the router which script and
 * stylesheet the page loads. The client examples are compiled into the
 * app. Run by `npm run build`; nothing here is fetched from the network at run time.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outdir = path.join(root, "dist/server/explorer/assets");
// Monaco and monaco-graphql are dependencies of @graphiql/react: resolve them from there.
const requireFromGraphiql = createRequire(createRequire(path.join(root, "package.json")).resolve("@graphiql/react"));

const common = {
  bundle: true,
  minify: true,
  legalComments: "linked",
  target: ["es2022"],
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
};

/** The client examples (`client-examples/**\/*.graphql`), by path. */
async function readExamples() {
  const dir = path.join(root, "client-examples");
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(".graphql")).sort();
  return Promise.all(
    files.map(async (file) => ({
      file: file.split(path.sep).join("/"),
      query: await readFile(path.join(dir, file), "utf8"),
    })),
  );
}

async function buildWorkers() {
  const entries = {
    "editor.worker": requireFromGraphiql.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
    "graphql.worker": requireFromGraphiql.resolve("monaco-graphql/esm/graphql.worker.js"),
    "json.worker": requireFromGraphiql.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
  };
  const result = await build({
    ...common,
    entryPoints: entries,
    outdir,
    format: "iife",
    entryNames: "[name]-[hash]",
    metafile: true,
  });
  const urls = {};
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const name = Object.keys(entries).find((key) => path.resolve(root, meta.entryPoint) === entries[key]);
    if (name) urls[name.replace(".worker", "")] = `/explorer/assets/${path.basename(output)}`;
  }
  if (Object.keys(urls).length !== 3) throw new Error(`worker bundles missing: ${JSON.stringify(urls)}`);
  return urls;
}

/**
 * graphiql/style.css already holds Monaco's styles; the copies Monaco's modules import
 * would land in lazy chunks' stylesheets that nothing loads. They are left out.
 */
const monacoStylesInGraphiqlCss = {
  name: "monaco-styles-in-graphiql-css",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes(`${path.sep}monaco-editor${path.sep}`)
        ? { path: args.path, namespace: "empty-css" }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "empty-css" }, () => ({ contents: "", loader: "css" }));
  },
};

async function buildApp(workers, examples) {
  const entry = path.join(root, "server/explorer/browser/explorer.tsx");
  const result = await build({
    ...common,
    entryPoints: { explorer: entry },
    outdir,
    format: "esm",
    splitting: true,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    assetNames: "[name]-[hash]",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file" },
    jsx: "automatic",
    plugins: [monacoStylesInGraphiqlCss],
    metafile: true,
    define: { ...common.define, IKZ_WORKERS: JSON.stringify(workers), IKZ_EXAMPLES: JSON.stringify(examples) },
  });
  let script;
  let style;
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    // Lazy chunks (Monaco, Prettier) count as entry points too; the page loads only the app's.
    if (meta.entryPoint && path.resolve(root, meta.entryPoint) === entry && output.endsWith(".js")) {
      script = path.basename(output);
      if (meta.cssBundle) style = path.basename(meta.cssBundle);
    }
  }
  if (!script || !style) throw new Error("the explorer bundle has no script or no stylesheet");
  return { script, style };
}

/** Writes `<file>.gz` next to every script and stylesheet, for browsers that accept gzip (all do). */
async function gzipAssets() {
  for (const name of await readdir(outdir)) {
    if (!/\.(?:js|css)$/.test(name)) continue;
    await writeFile(path.join(outdir, `${name}.gz`), gzipSync(await readFile(path.join(outdir, name)), { level: 9 }));
  }
}

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const workers = await buildWorkers();
const examples = await readExamples();
const app = await buildApp(workers, examples);
await gzipAssets();
const manifest = { ...app, workers: Object.values(workers).map((url) => path.basename(url)) };
await writeFile(path.join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
const id = createHash("sha256").update(JSON.stringify(manifest)).digest("hex").slice(0, 8);
console.log(`explorer bundled in ${Date.now() - started} ms (${examples.length} examples, build ${id})`);
