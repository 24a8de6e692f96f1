// The header's theme menu: light, dark or the device's setting. The choice is a class on <html> (tokens.css turns
// it into colours) and a cookie that js/theme-init.js reads on the next page before it paints. A member's menu is
// a form: the choice is also saved on their account, so it follows them to their other devices.
const cookieName = "pf_theme";
const oneYear = 60 * 60 * 24 * 365;
const root = document.documentElement;
const menu = document.querySelector("[data-theme-menu]");

function current() {
  if (root.classList.contains("theme-dark")) {
    return "dark";
  }
  return root.classList.contains("theme-light") ? "light" : "system";
}

function show(theme) {
  for (const button of menu.querySelectorAll("[data-theme]")) {
    button.setAttribute("aria-pressed", String(button.dataset.theme === theme));
  }
}

function remember(theme) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = theme === "system"
    ? `${cookieName}=; Path=/; Max-Age=0; SameSite=Lax${secure}`
    : `${cookieName}=${theme}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure}`;
}

async function save(button) {
  const form = button.form;
  if (!form) {
    return;
  }
  const body = new FormData(form);
  body.set(button.name, button.value);
  try {
    // The answer is a redirect back to this page, which there is no need to load again.
    await fetch(form.action, { method: "POST", body, credentials: "same-origin", redirect: "manual" });
  } catch {
    // The cookie already holds the choice on this device; the account keeps the earlier one.
  }
}

if (menu) {
  menu.hidden = false;
  show(current());
  menu.addEventListener("click", (event) => {
    const button = event.target.closest("[data-theme]");
    if (!button) {
      return;
    }
    event.preventDefault();
    const theme = button.dataset.theme;
    root.classList.remove("theme-light", "theme-dark");
    if (theme !== "system") {
      root.classList.add(`theme-${theme}`);
    }
    remember(theme);
    show(theme);
    save(button);
  });
}
