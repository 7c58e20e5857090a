// Builds static/vendor from the installed design system (npm `dkfds`).
// Why: the design system ships web fonts and a source map that would cost a citizen on prepaid data
// several hundred kilobytes. We keep its look, swap its web font for the phone's own fonts, and write
// gzip copies beside every text asset so the server can send them compressed.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const src = "node_modules/dkfds/dist";
const out = "static/vendor/dkfds";
mkdirSync(out, { recursive: true });

const systemFonts = 'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,Arial,sans-serif';
let css = readFileSync(join(src, "css/dkfds.min.css"), "utf8");
css = css.replace(/@font-face\{[^}]*\}/g, "");
css = css.replace(/font-family:[^;}]*IBM Plex Sans[^;}]*/g, `font-family:${systemFonts}`);
css = css.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "");
if (css.includes("IBMPlexSans")) throw new Error("web font still referenced in dkfds css");
writeFileSync(join(out, "dkfds.css"), css);

function gzipTree(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) gzipTree(path);
    else if (/\.(css|js|svg)$/.test(name)) writeFileSync(path + ".gz", gzipSync(readFileSync(path), { level: 9 }));
  }
}
gzipTree("static");
console.log(`dkfds.css: ${css.length} bytes, ${gzipSync(css).length} gzipped`);
