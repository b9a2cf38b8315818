// The section's checklist follows the officer's typing: after a pause, the section's answers go to the
// check endpoint, which runs the criteria over the draft as saving would leave it, saving nothing, and
// answers with the checklist. Without this script the checklist changes on saving, as before.

const PAUSE_MS = 600;
const form = document.querySelector("form[data-check-url]");
const region = document.getElementById("section-needs-region");

const words = (node) => node.textContent.replace(/\s+/g, " ").trim();

if (form && region) {
  let timer;
  let pending;

  const check = async () => {
    pending?.abort();
    pending = new AbortController();
    let response;
    try {
      response = await fetch(form.dataset.checkUrl, {
        method: "POST", body: new FormData(form), signal: pending.signal,
        credentials: "same-origin", headers: { Accept: "text/html" },
      });
    } catch (error) {
      if (error.name === "AbortError") return;
      throw error;
    }
    // A format error or a lost connection: the checklist stays as it was, and saving says why.
    if (!response.ok) return;
    const fresh = document.createElement("template");
    fresh.innerHTML = await response.text();
    // The region is polite and live: replace it only when what it says changes, so nothing is read twice.
    if (words(fresh.content) !== words(region)) region.replaceChildren(fresh.content);
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(check, PAUSE_MS);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
}
