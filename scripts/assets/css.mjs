// The steps that make static/build/site.<hash>.css, shared by build-assets.mjs and the development check
// (css-variants.mjs, compare_purge.py).
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, extname, join, resolve, posix } from "node:path";
import postcss from "postcss";
import autoprefixer from "autoprefixer";
import cssnano from "cssnano";
import { PurgeCSS } from "purgecss";
import logicalFallbacks from "./postcss-logical-fallbacks.mjs";
import { content, extraWords, safelist, dynamicAttributes } from "./purge-config.mjs";

// browserslist's "caniuse-lite is outdated" nag: the data is pinned by package-lock.json on purpose.
process.env.BROWSERSLIST_IGNORE_OLD_DATA = "1";

export const DKFDS_CSS_DIR = "node_modules/dkfds/dist/css";
export const APP_CSS = "selfservice/static/css/app.css";

export const hash = (data) => createHash("sha256").update(data).digest("hex").slice(0, 10);

// The design system's stylesheet without its web fonts: they would cost a citizen on prepaid data several hundred
// kilobytes. Its IBM Plex Sans becomes the phone's own fonts (system-ui first; Noto Sans Arabic and Tahoma for
// Arabic and Farsi), and the source-map comment goes, since the map is not shipped.
export function loadDkfds() {
  const systemFonts = 'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,Arial,sans-serif';
  let css = readFileSync(join(DKFDS_CSS_DIR, "dkfds.min.css"), "utf8");
  css = css.replace(/@font-face\{[^}]*\}/g, "");
  css = css.replace(/font-family:[^;}]*IBM Plex Sans[^;}]*/g, `font-family:${systemFonts}`);
  css = css.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "");
  if (css.includes("IBMPlexSans") || css.includes("IBM Plex")) throw new Error("web font still referenced in dkfds css");
  return css;
}

// dkfds reduced to the rules our pages can use (see purge-config.mjs).
export async function purgeDkfds(css) {
  const [result] = await new PurgeCSS().purge({
    content: [...content, { raw: extraWords, extension: "html" }],
    css: [{ raw: css }],
    safelist,
    dynamicAttributes,
    keyframes: true,
    fontFace: true,
    variables: false,
  });
  return result.css;
}

const URL_RE = /url\(\s*(["']?)([^"')]+?)\1\s*\)/g;

export function urlsIn(css) {
  return [...css.matchAll(URL_RE)].map((m) => m[2]);
}

const isInline = (url) => /^data:/i.test(url) || url.startsWith("#");

// Rewrites every url() in `css` (relative to `baseDir`) to a fingerprinted copy `img/<name>.<hash><ext>`, relative
// to the built stylesheet, and records the copy in `assets` (output path -> Buffer).
export function rewriteUrls(css, baseDir, assets) {
  return css.replace(URL_RE, (whole, quote, url) => {
    if (isInline(url)) return whole;
    if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(url)) throw new Error(`url(${url}): only relative urls can be shipped`);
    const file = resolve(baseDir, url.replace(/[?#].*$/, ""));
    let data;
    try {
      data = readFileSync(file);
    } catch {
      throw new Error(`url(${url}) in ${baseDir}: ${file} does not exist`);
    }
    const ext = extname(file);
    const out = posix.join("img", `${basename(file, ext)}.${hash(data)}${ext}`);
    assets.set(out, data);
    return `url(${out})`;
  });
}

// Autoprefixer (for the browserslist in package.json), physical fallbacks for logical properties, minification.
export async function postprocess(css, { from, minify = true } = {}) {
  const plugins = [autoprefixer(), logicalFallbacks()];
  // No declaration sorting: it would put `left: auto` after `inset-inline-start: 0` (or `padding-left: 0` after
  // `padding-inline-start`), and the later one of two that set the same side wins.
  if (minify) plugins.push(cssnano({ preset: ["default", { cssDeclarationSorter: false }] }));
  const result = await postcss(plugins).process(css, { from, map: false });
  for (const warning of result.warnings()) console.warn(`css: ${warning.toString()}`);
  return result.css;
}

// dkfds (purged or not) + app.css, url()s rewritten, post-processed. Returns { css, assets }.
export async function buildSiteCss({ purge = true, from = resolve("selfservice/static/build/site.css"), minify = true } = {}) {
  const assets = new Map();
  let dkfds = loadDkfds();
  if (purge) dkfds = await purgeDkfds(dkfds);
  dkfds = rewriteUrls(dkfds, resolve(DKFDS_CSS_DIR), assets);
  // app.css last, so that its rules still win over the design system's at equal specificity.
  const app = rewriteUrls(readFileSync(APP_CSS, "utf8"), resolve("selfservice/static/css"), assets);
  const css = await postprocess(`${dkfds}\n${app}\n`, { from, minify });
  return { css, assets };
}
