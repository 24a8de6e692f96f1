/**
 * Stylelint for wwwroot/css: the standard rules, and no colour outside tokens.css, so a colour is always a token
 * that both themes define. The sheets are written one rule to a line, grouped under a comment per part of the
 * page; the rules about blank lines and one declaration per line would only reflow that, so they are off.
 */
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    "color-no-hex": true,
    "color-named": "never",
    "declaration-block-single-line-max-declarations": null,
    "comment-empty-line-before": null,
    "rule-empty-line-before": null,
    "at-rule-empty-line-before": null,
    // It compares selectors that can never match the same element (".figure th" after "table.log th"); following it
    // would mean ordering the sheet by specificity rather than by part of the page.
    "no-descending-specificity": null,
  },
  overrides: [
    {
      files: ["wwwroot/css/tokens.css"],
      rules: {
        "color-no-hex": null,
        "color-named": null,
      },
    },
  ],
};
