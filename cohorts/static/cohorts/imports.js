// The progress bar of a running import (cohorts/templates/cohorts/imports/job.html): asks the server every second
// how far the import got, and reloads the page as soon as its status changes (the preview or the result is ready).
(() => {
  const box = document.querySelector("[data-import-progress]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const phase = box.querySelector("[data-import-phase]");
  const { importProgressUrl: url, importStatus: status } = box.dataset;

  const poll = async () => {
    let response;
    try {
      response = await fetch(url, { headers: { "X-Requested-With": "XMLHttpRequest" }, cache: "no-store" });
    } catch {
      window.setTimeout(poll, 1000); // the network hiccuped: ask again
      return;
    }
    if (!response.ok) {
      window.location.reload(); // signed out, or the job is gone: the page says so
      return;
    }
    const data = await response.json();
    if (data.status !== status) {
      window.location.reload();
      return;
    }
    bar.value = data.percent;
    bar.textContent = `${data.percent}%`;
    bar.setAttribute("aria-valuetext", `${data.percent}% — ${data.label}`);
    phase.textContent = data.label;
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
})();
