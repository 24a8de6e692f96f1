// Loaded in <head> as a classic script (a module would be deferred), so it runs before the page paints: the theme
// chosen in the header's menu (a cookie) becomes a class on <html>, and the page never flashes in the other theme.
// The HTML itself is the same for every theme, so the visitors' page cache serves one page to everyone. The menu
// itself is js/theme.js. A visitor who put the home page's welcome away (js/site.js) never sees it flash either.
{
  const chosen = /(?:^|;\s*)pf_theme=(light|dark)(?:;|$)/.exec(document.cookie);
  if (chosen) {
    document.documentElement.classList.add(`theme-${chosen[1]}`);
  }
}
if (/(?:^|;\s*)pf_welcome=hidden(?:;|$)/.test(document.cookie)) {
  document.documentElement.classList.add("welcome-hidden");
}
