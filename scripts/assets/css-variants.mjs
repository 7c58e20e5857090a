// Writes the stylesheets that scripts/assets/compare_purge.py compares, into the folder given as argument:
//   full.css  what the pages had before static/build: the whole dkfds (fonts stripped as in the build) + app.css
//   site.css  the built static/build/site.<hash>.css (run `npm run build` first)
//   old.css   site.css as a browser WITHOUT logical properties sees it: every logical declaration (and its -webkit-
//             alias) dropped and every `@supports not (<logical>:…)` fallback block applied.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import postcss from "postcss";
import { loadDkfds, APP_CSS } from "./css.mjs";
import { physical } from "./postcss-logical-fallbacks.mjs";

const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/assets/css-variants.mjs OUTDIR");
mkdirSync(out, { recursive: true });

writeFileSync(join(out, "full.css"), `${loadDkfds()}\n${readFileSync(APP_CSS, "utf8")}\n`);

const manifest = JSON.parse(readFileSync("selfservice/static/build/manifest.json", "utf8"));
const site = readFileSync(join("selfservice/static", manifest["css/site.css"]), "utf8");
writeFileSync(join(out, "site.css"), site);

const WEBKIT_LOGICAL = /^-webkit-(margin|padding|border)-(start|end|before|after)(-|$)|^-webkit-(logical-(width|height)|(min|max)-logical-)/;
const root = postcss.parse(site);
root.walkDecls((decl) => {
  const prop = decl.prop.toLowerCase();
  if (physical(prop, decl.value) || WEBKIT_LOGICAL.test(prop)) decl.remove();
});
root.walkAtRules("supports", (at) => {
  const m = /^not\s*\(\s*([a-z-]+)\s*:\s*([^)]*)\)$/i.exec(at.params.trim());
  if (m && physical(m[1].toLowerCase(), m[2].trim() === "initial" ? "0" : m[2].trim())) at.replaceWith(at.nodes);
});
root.walk((node) => {
  if (node.type === "rule" && node.nodes.length === 0) node.remove();
});
writeFileSync(join(out, "old.css"), root.toString());
console.log(`wrote ${out}/full.css, site.css, old.css`);
