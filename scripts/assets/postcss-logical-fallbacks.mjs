// PostCSS plugin: physical fallbacks for CSS logical properties, for browsers that do not know them
// (Safari/iOS < 14.1 and Chrome < 87 for the shorthands and inset-*, Safari < 12.1 and Chrome < 69 for all).
//
// Each logical declaration is left exactly as written, so a modern browser keeps using it and mirrors by itself in
// Arabic and Farsi. Right after its rule come blocks that only a browser WITHOUT the property applies:
//
//   .x { margin-block: 1rem 0; padding-inline-start: 2rem }
//   @supports not (margin-block:initial) { .x { margin-top: 1rem; margin-bottom: 0 } }
//   @supports not (padding-inline:initial) {
//     [dir="ltr"] .x { padding-left: 2rem } [dir="rtl"] .x { padding-right: 2rem } }
//
// Block axis and sizes (margin-block, inline-size …): top/bottom, width/height, with the rule's own selector, so
// specificity and order are exactly the original's (the site only uses horizontal writing).
//
// Inline axis: left or right by the page direction, from the dir attribute that every page sets on <html>. That
// selector is one attribute more specific than the original, which would let a fallback win over a later or more
// specific rule that the logical declaration lost to (`.chat > li { padding: 0 }` after
// `main ul > li { padding-inline-start: 1.6rem }`). So, in the same @supports block, every other rule that sets a
// left/right side of the same property family (margin, padding, border, inset) is repeated for those sides with
// `[dir]` added: everything that competes is one attribute more specific, and the cascade is the original one.
// One test per family (the shorthand, which came last: margin-inline …) keeps that consistent in browsers that know
// only some of a family's properties. A selector that starts with [dir="rtl"] / [dir="ltr"] is mapped for that
// direction only. A physical declaration later in the same rule that sets the same side wins over the fallback,
// as it does over the logical declaration.
//
// Known limit: a part of the page in the other direction (<li dir="rtl"> in a Danish page) matches both the [dir="ltr"]
// and the [dir="rtl"] fallback in an old browser, so it gets the start-side value on both sides.
import postcss from "postcss";

const DIRS = {
  ltr: { "inline-start": "left", "inline-end": "right" },
  rtl: { "inline-start": "right", "inline-end": "left" },
};
const BLOCK = { "block-start": "top", "block-end": "bottom" };
const SIDES = ["left", "right"];

// Splits "a b" into [start, end] ("a" alone means both).
function pair(value) {
  const parts = postcss.list.space(value);
  if (parts.length === 1) return [parts[0], parts[0]];
  if (parts.length === 2) return parts;
  return null; // not a value we understand: leave it without a fallback
}

// The physical declarations for one logical declaration, as { block: [[prop, value]] } (no direction) or
// { family, ltr: [[prop, value]], rtl: [[prop, value]] }, or null if the property is not logical.
export function physical(prop, value) {
  let m = /^(margin|padding|scroll-margin|scroll-padding|inset|border)-(inline|block)(?:-(start|end))?(?:-(width|style|color))?$/.exec(prop);
  if (m) {
    const [, base, axis, edge, sub] = m;
    if (sub && base !== "border") return null;
    // The border shorthand (border-inline: 1px solid) sets both sides to the one value; its -width/-style/-color
    // longhands and the other shorthands take "start end".
    let values;
    if (edge) values = { [edge]: value };
    else if (base === "border" && !sub) values = { start: value, end: value };
    else {
      const p = pair(value);
      if (!p) return null;
      values = { start: p[0], end: p[1] };
    }
    const name = (side) => (base === "inset" ? side : `${base}-${side}${sub ? `-${sub}` : ""}`);
    if (axis === "block") return { block: Object.entries(values).map(([e, v]) => [name(BLOCK[`block-${e}`]), v]) };
    const out = { family: base };
    for (const dir of ["ltr", "rtl"]) out[dir] = Object.entries(values).map(([e, v]) => [name(DIRS[dir][`inline-${e}`]), v]);
    return out;
  }
  if (prop === "inset") {
    const parts = postcss.list.space(value);
    if (parts.length < 1 || parts.length > 4) return null;
    const [t, r = t, b = t, l = r] = parts;
    return { block: [["top", t], ["right", r], ["bottom", b], ["left", l]] };
  }
  m = /^(min-|max-)?(inline|block)-size$/.exec(prop);
  if (m) return { block: [[`${m[1] || ""}${m[2] === "inline" ? "width" : "height"}`, value]] };
  return null;
}

// The left/right parts of a physical declaration, with the family they belong to, or null.
function horizontal(prop, value) {
  let m = /^(margin|padding|scroll-margin|scroll-padding|border)-(left|right)(?:-(width|style|color))?$/.exec(prop);
  if (m) return { family: m[1], decls: [[prop, value]] };
  if (prop === "left" || prop === "right") return { family: "inset", decls: [[prop, value]] };
  m = /^(margin|padding|scroll-margin|scroll-padding|inset|border-width|border-style|border-color)$/.exec(prop);
  if (m) {
    const family = prop.startsWith("border-") ? "border" : prop;
    const parts = postcss.list.space(value);
    const side = (s) => (prop === "inset" ? s : prop.startsWith("border-") ? `border-${s}-${prop.slice(7)}` : `${prop}-${s}`);
    if (parts.length < 1 || parts.length > 4 || (parts.length === 1 && /var\(|env\(/.test(value))) {
      return { family, decls: [[prop, value]] }; // can't split it: repeat it whole
    }
    const right = parts[1] ?? parts[0];
    const left = parts[3] ?? right;
    return { family, decls: [[side("right"), right], [side("left"), left]] };
  }
  if (prop === "border") return { family: "border", decls: SIDES.map((s) => [`border-${s}`, value]) };
  return null;
}

// The feature a browser must have to skip a block: per family for the inline axis (see above).
const familyTest = (family) => `(${family}-inline:initial)`;

// Does a later declaration `later` set (all of) the physical property `prop`?
function covers(later, prop) {
  if (later === prop) return true;
  const m = /^(margin|padding|border|scroll-margin|scroll-padding)-(top|right|bottom|left)(?:-(width|style|color))?$/.exec(prop);
  if (m) {
    const [, base, side, sub] = m;
    if (later === base) return true;
    if (base === "border" && sub) return later === `border-${side}` || later === `border-${sub}`;
    return false;
  }
  if (["top", "right", "bottom", "left"].includes(prop)) return later === "inset";
  return false;
}

const DIR_PREFIX = /^(html|:root)?\[dir=(["']?)(ltr|rtl)\2\]/i;
const ROOT_PREFIX = /^(html|:root)(?![\w-])/i;

// The selector for one direction ("ltr", "rtl") or for both ("any": one [dir] more), or null if the selector can
// only match the other direction. Always exactly one attribute more specific than `selector`.
function withDir(selector, dir) {
  const attr = dir === "any" ? "[dir]" : `[dir="${dir}"]`;
  const own = DIR_PREFIX.exec(selector);
  if (own) {
    if (dir !== "any" && own[3].toLowerCase() !== dir) return null;
    const at = (own[1] || "").length;
    return `${selector.slice(0, at)}[dir]${selector.slice(at)}`;
  }
  const root = ROOT_PREFIX.exec(selector);
  if (root) return `${root[1]}${attr}${selector.slice(root[1].length)}`;
  return `${attr} ${selector}`;
}

// The pseudo-element a selector styles ("" for the element itself): a rule for ::before never competes with one
// for the element.
function pseudoElement(selector) {
  const m = /::?(before|after|first-line|first-letter|marker|placeholder|selection|backdrop|-(?:webkit|moz|ms)-[\w-]+)(?![\w-])[^\s>+~]*$/i.exec(selector);
  return m ? m[1].toLowerCase() : "";
}

function insideKeyframes(node) {
  for (let p = node.parent; p; p = p.parent) if (p.type === "atrule" && /keyframes$/i.test(p.name)) return true;
  return false;
}

const decl = ({ prop, value, important }) => postcss.decl({ prop, value, important });

const plugin = () => ({
  postcssPlugin: "logical-fallbacks",
  OnceExit(root) {
    const rules = [];
    root.walkRules((rule) => {
      if (!insideKeyframes(rule)) rules.push(rule);
    });

    // The fallback blocks of each rule, and which families have an inline-axis fallback anywhere (and for which
    // pseudo-elements).
    const families = new Map();
    const fallbacks = new Map();
    for (const rule of rules) {
      const decls = rule.nodes.filter((n) => n.type === "decl");
      const groups = []; // consecutive declarations of one test share a block
      decls.forEach((d, i) => {
        const prop = d.prop.toLowerCase();
        const mapped = physical(prop, d.value);
        if (!mapped) return;
        const laterProps = decls.slice(i + 1).map((x) => x.prop.toLowerCase());
        const keep = ([p]) => !laterProps.some((later) => covers(later, p));
        const test = mapped.family ? familyTest(mapped.family) : `(${prop}:initial)`;
        if (mapped.family) {
          if (!families.has(mapped.family)) families.set(mapped.family, new Set());
          for (const selector of rule.selectors) families.get(mapped.family).add(pseudoElement(selector));
        }
        let group = groups.at(-1);
        if (!group || group.test !== test) groups.push((group = { test, block: [], ltr: [], rtl: [] }));
        for (const key of ["block", "ltr", "rtl"]) {
          for (const [p, v] of (mapped[key] || []).filter(keep)) group[key].push({ prop: p, value: v, important: d.important });
        }
      });
      if (groups.length) fallbacks.set(rule, groups);
    }

    for (const rule of rules) {
      const blocks = [];
      // Competing left/right declarations, one attribute more specific, first (the rule's own fallbacks win).
      const repeats = new Map(); // family -> declarations
      for (const d of rule.nodes) {
        if (d.type !== "decl") continue;
        const found = horizontal(d.prop.toLowerCase(), d.value);
        if (!found || !families.has(found.family)) continue;
        if (!repeats.has(found.family)) repeats.set(found.family, []);
        for (const [prop, value] of found.decls) repeats.get(found.family).push({ prop, value, important: d.important });
      }
      for (const [family, decls] of repeats) {
        const pseudos = families.get(family);
        const selectors = rule.selectors.filter((s) => pseudos.has(pseudoElement(s))).map((s) => withDir(s, "any"));
        if (selectors.length) blocks.push({ test: familyTest(family), rules: [{ selectors, decls }] });
      }
      for (const group of fallbacks.get(rule) || []) {
        const out = [];
        if (group.block.length) out.push({ selectors: rule.selectors, decls: group.block });
        for (const dir of ["ltr", "rtl"]) {
          if (!group[dir].length) continue;
          const selectors = rule.selectors.map((s) => withDir(s, dir)).filter(Boolean);
          if (selectors.length) out.push({ selectors, decls: group[dir] });
        }
        if (out.length) blocks.push({ test: group.test, rules: out });
      }
      let after = rule;
      for (const block of blocks) {
        const at = postcss.atRule({ name: "supports", params: `not ${block.test}` });
        for (const r of block.rules) at.append(postcss.rule({ selectors: r.selectors, nodes: r.decls.map(decl) }));
        after.after(at);
        after = at;
      }
    }
  },
});
plugin.postcss = true;
export default plugin;
