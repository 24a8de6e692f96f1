// ESLint for the forum's own scripts (wwwroot/js): the recommended rules, in browsers, as ES modules. The copied
// libraries under wwwroot/lib are someone else's, minified, and not checked.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["wwwroot/lib/**", "node_modules/**", "bin/**", "obj/**"] },
  js.configs.recommended,
  {
    files: ["wwwroot/js/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        ...globals.browser,
        // The SignalR client, loaded as a classic script before the live modules.
        signalR: "readonly",
      },
    },
  },
  {
    // Loaded as a classic script in <head> (see the file), so not a module.
    files: ["wwwroot/js/theme-init.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    // The lint configurations themselves run in Node.
    files: ["*.config.mjs"],
    languageOptions: { globals: globals.node },
  },
];
