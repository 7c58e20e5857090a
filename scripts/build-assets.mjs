// Builds static/build/ from the design system (npm `dkfds`), static/css/app.css and static/js/*.js.
// Why: a citizen on an old phone and a slow, prepaid connection should download one small stylesheet, once.
//   - site.<hash>.css: dkfds reduced by PurgeCSS to the rules our pages use, without its web fonts (the phone's own
//     fonts instead), then app.css; autoprefixed for the browserslist in package.json, with physical fallbacks for
//     logical properties on browsers that lack them (scripts/assets/postcss-logical-fallbacks.mjs), minified.
//   - img/<name>.<hash>.svg: the design-system icons the stylesheet still refers to.
//   - js/<name>.<hash>.js: our module scripts, unchanged.
//   - manifest.json: logical name -> path under static/, e.g. "css/site.css": "build/site.0123456789.css".
//   - a .gz (zlib level 9) and .br (brotli quality 11) copy beside every text file, for WhiteNoise.
// <hash> is the first 10 hex characters of the SHA-256 of the content, so the files can be cached for a year.
// Everything is computed first and written only if it all checks out, so a failed build leaves the last one.
// The other text files under static/ keep getting a .gz copy as before.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, rmSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, dirname, posix } from "node:path";
import { buildSiteCss, hash, urlsIn } from "./assets/css.mjs";

const STATIC = "selfservice/static";
const OUT = "selfservice/static/build"; // manifest paths are relative to static/
const TEXT = /\.(css|js|svg|json|txt|html|map)$/;

const files = new Map(); // path under static/build -> Buffer
const manifest = {};

// The stylesheet and the icons it uses.
const { css, assets } = await buildSiteCss();
for (const [path, data] of assets) files.set(path, data);
const cssName = `site.${hash(css)}.css`;
files.set(cssName, Buffer.from(css));
manifest["css/site.css"] = `build/${cssName}`;

// Every url() left must point at a file we ship, relative to the stylesheet.
const missing = urlsIn(css)
  .filter((url) => !/^data:/i.test(url) && !url.startsWith("#"))
  .filter((url) => !files.has(posix.normalize(posix.join(posix.dirname(cssName), url.replace(/[?#].*$/, "")))));
if (missing.length) {
  console.error(`${cssName}: url() pointing at no file in ${OUT}: ${[...new Set(missing)].join(", ")}`);
  process.exit(1);
}

// The module scripts. A fingerprinted name would break a relative import between them, so refuse those.
for (const name of readdirSync(join(STATIC, "js")).filter((n) => n.endsWith(".js")).sort()) {
  const data = readFileSync(join(STATIC, "js", name));
  if (/(^|[;\s])import\s*[\s{*("'`]|\bexport\s[^;]*\bfrom\s/m.test(data.toString("utf8"))) {
    console.error(`static/js/${name} imports another module: teach scripts/build-assets.mjs to rewrite the import`);
    process.exit(1);
  }
  const out = `js/${name.replace(/\.js$/, "")}.${hash(data)}.js`;
  files.set(out, data);
  manifest[`js/${name}`] = `build/${out}`;
}

const sorted = Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]]));
files.set("manifest.json", Buffer.from(`${JSON.stringify(sorted, null, 2)}\n`));

// Compressed copies, then write it all.
const compress = (data) => ({
  gz: gzipSync(data, { level: 9 }),
  br: brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }),
});
for (const [path, data] of [...files]) {
  if (!TEXT.test(path)) continue;
  const { gz, br } = compress(data);
  files.set(`${path}.gz`, gz);
  files.set(`${path}.br`, br);
}
rmSync(OUT, { recursive: true, force: true });
for (const [path, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
  mkdirSync(dirname(join(OUT, path)), { recursive: true });
  writeFileSync(join(OUT, path), data);
}

// The other static text files (static/css/app.css, static/js/*.js) keep a gzip copy, as before.
function gzipTree(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (path === OUT) continue;
    if (statSync(path).isDirectory()) gzipTree(path);
    else if (/\.(css|js|svg)$/.test(name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}
gzipTree(STATIC);

const { gz, br } = compress(Buffer.from(css));
console.log(
  `${OUT}/${cssName}: ${Buffer.byteLength(css)} bytes, ${gz.length} gzipped, ${br.length} brotli; ` +
    `${assets.size} icons, ${Object.keys(manifest).length - 1} scripts`,
);
