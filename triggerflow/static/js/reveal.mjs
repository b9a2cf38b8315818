// Questions that matter only for some answers (content/conditions.py) show when the answer on the page
// calls for them, as GOV.UK's conditional reveal does; without this script every question shows.
//
// Our own script, not GOV.UK Frontend's, because GOV.UK's sets aria-expanded on radios, which ARIA does
// not allow there (axe: aria-allowed-attr, critical); screen readers differ on whether they say it at all
// (alphagov/govuk-frontend#979, #1972). What we rely on instead works everywhere: each revealed question
// comes straight after the one it depends on, so the next Tab or the reading order reaches it, and the
// revealing control names it with aria-controls. Checkboxes may carry aria-expanded, so they do, as in
// GOV.UK's pattern. A select gets no aria-expanded: there it would mean its list of options is open.
//
// A question that no longer applies but holds an answer stays in sight with a note, never hidden with
// the answer in it: the answer is saved as it stands and no criterion reads it.

function chosen(controls) {
  if (controls[0].tagName === "SELECT") return [controls[0].value];
  const ticked = controls.filter((control) => control.checked).map((control) => control.value);
  return controls[0].type === "radio" && ticked.length === 0 ? [""] : ticked;
}

function holdsAnswer(box) {
  return [...box.querySelectorAll("input, textarea, select")].some((field) =>
    field.type === "checkbox" || field.type === "radio" ? field.checked : field.type !== "hidden" && field.value.trim());
}

function toggleId(element, attribute, id, on) {
  const ids = new Set((element.getAttribute(attribute) || "").split(" ").filter(Boolean));
  if (on) ids.add(id); else ids.delete(id);
  if (ids.size) element.setAttribute(attribute, [...ids].join(" ")); else element.removeAttribute(attribute);
}

function follow(box) {
  const wanted = new Set(JSON.parse(box.dataset.revealValues));
  const controls = [...box.closest("form").elements].filter((control) => control.name === box.dataset.revealBy);
  if (controls.length === 0) return;
  const revealing = controls.filter((control) => control.tagName === "SELECT" || wanted.has(control.value));
  for (const control of revealing) toggleId(control, "aria-controls", box.id, true);
  const note = box.querySelector(".app-conditional__kept");

  const update = () => {
    const applies = chosen(controls).some((value) => wanted.has(value));
    const kept = !applies && Boolean(holdsAnswer(box));
    box.classList.toggle("app-conditional--hidden", !applies && !kept);
    if (note) {
      note.hidden = !kept;
      // Read out with the question itself, so that moving into it says why it is still there.
      for (const field of box.querySelectorAll("input:not([type=hidden]), textarea, select")) {
        toggleId(field, "aria-describedby", note.id, kept);
      }
    }
    for (const control of revealing) {
      if (control.type === "checkbox") control.setAttribute("aria-expanded", String(control.checked || kept));
    }
  };
  for (const control of controls) control.addEventListener("change", update);
  update();
}

export function revealQuestions() {
  for (const box of document.querySelectorAll("[data-reveal-by]")) follow(box);
}
