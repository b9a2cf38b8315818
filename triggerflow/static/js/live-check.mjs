// The section's checklist follows the officer's typing: after a pause, the section's answers go to the
// check endpoint, which runs the criteria over the draft as saving would leave it, saving nothing, and
// answers with the checklist. Without this script the checklist changes on saving, as before.

const PAUSE_MS = 600;

const words = (node) => node.textContent.replace(/\s+/g, " ").trim();

export function checkAsTyped() {
  const form = document.querySelector("form[data-check-url]");
  const region = document.getElementById("section-needs-region");
  if (!form || !region) return;
  let timer;
  let pending;

  const check = async () => {
    pending?.abort();
    pending = new AbortController();
    let html;
    try {
      const response = await fetch(form.dataset.checkUrl, {
        method: "POST", body: new FormData(form), signal: pending.signal,
        credentials: "same-origin", headers: { Accept: "text/html" }, redirect: "manual",
      });
      // A format error, or a session that has ended (sent to sign in): saving says what to do.
      if (!response.ok) return;
      html = await response.text();
    } catch {
      return; // a newer check took its place, or the connection dropped: the checklist stays as it was
    }
    const fresh = document.createElement("template");
    fresh.innerHTML = html;
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
