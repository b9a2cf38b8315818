// Progressive enhancement for GOV.UK components; the service works without it.
import { initAll } from "../govuk/govuk-frontend.min.js";
import { checkAsTyped } from "./live-check.mjs";
import { revealQuestions } from "./reveal.mjs";

initAll();
revealQuestions();
checkAsTyped();

// A table wider than a small screen scrolls inside its own box, so the page never scrolls sideways
// (WCAG 2.2 reflow); where it does overflow, the box takes keyboard focus to be scrolled.
for (const table of document.querySelectorAll("table")) {
  if (table.closest(".app-table-scroll") || table.getAttribute("role") === "presentation") continue;
  const box = document.createElement("div");
  box.className = "app-table-scroll";
  table.replaceWith(box);
  box.append(table);
}
function focusableWhenTooWide() {
  for (const box of document.querySelectorAll(".app-table-scroll")) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("role", "region");
      box.setAttribute("tabindex", "0");
      if (!box.hasAttribute("aria-label")) {
        const caption = box.querySelector("caption");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      }
    }
  }
}
focusableWhenTooWide();
window.addEventListener("resize", focusableWhenTooWide);
