// What PurgeCSS keeps of the design system (dkfds). Rule of thumb: keeping a rule too many costs a few bytes;
// dropping one in use breaks a page. Check a change with scripts/assets/compare_purge.py.
//
// PurgeCSS keeps a selector when every class, tag, id and attribute in it occurs as a word in the content below.
// Its default extractor takes every run of [A-Za-z0-9_-] as a word, so class names written out anywhere in a
// template, a script, Python (WTForms render_kw, the guides' Markdown renderer) or the guide texts count.

export const content = [
  "selfservice/templates/**/*.html",
  "selfservice/static/js/*.js",
  "selfservice/**/*.py",
  "selfservice/content/**/*",
];

// Markup that is on the pages without being spelled out in our sources: elements the Markdown renderer and
// WTForms produce, the input types WTForms writes, states and attributes the browser or a script sets.
export const extraWords = `
  html body main header footer nav section article aside div span p a img svg hr br
  h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table caption thead tbody tfoot tr th td colgroup col
  blockquote code pre kbd samp em strong b i u s small sub sup abbr cite q mark time address bdi bdo figure figcaption
  form fieldset legend label input select option optgroup textarea button output progress meter datalist
  details summary dialog iframe template
  text email password number tel url search date time datetime-local month week checkbox radio file hidden submit
  reset range color
  dir ltr rtl lang type checked disabled readonly required multiple selected open hidden value placeholder
  tabindex role href target rows cols maxlength
  aria-current aria-expanded aria-hidden aria-invalid aria-selected aria-disabled aria-pressed aria-sort
  aria-describedby aria-labelledby aria-label aria-live aria-busy aria-controls aria-modal
  true false page step location date
`;

export const safelist = {
  standard: [
    // dkfds heading classes; templates also write <h{{ level }}>
    "h1", "h2", "h3", "h4", "h5", "h6",
    // class="alert alert-{{ kind }}" (components/form.html notice(): error, info, success, warning)
    /^alert-/,
    // class="choice form-group-{{ kind }}" and option(class="form-" ~ kind) (radio, checkbox)
    /^form-group-/,
    /^form-(radio|checkbox)/,
    // input_class ~ " input-width-" ~ width (s, m, l, xl …) and "input-char-" ~ n (date parts)
    /^input-width-/,
    /^input-char-/,
    // button variants are passed around as strings ('button-primary' if … else 'button-secondary')
    /^button-/,
  ],
  greedy: [],
  deep: [],
};

// Attributes whose selectors are kept whatever their value: set by the browser, a script or a template variable.
export const dynamicAttributes = [
  "dir", "lang", "type", "role", "tabindex", "disabled", "readonly", "required", "hidden",
  "aria-current", "aria-expanded", "aria-hidden", "aria-invalid", "aria-selected", "aria-disabled",
  "aria-pressed", "aria-sort", "aria-busy",
];
