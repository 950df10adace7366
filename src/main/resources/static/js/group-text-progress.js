// A group text's page: while texts of the group wait, ask for its progress part every 2 seconds and put it in
// place when it changed, without reloading the page. Stops when every text is done (the new part has no
// data-progress-url), or when the answer is not a progress part (logged out). Without this script the page's
// Refresh link reloads it.
"use strict";
(function () {
    const DELAY_MS = 2000;
    const region = document.getElementById("group-progress");
    if (!region || !region.dataset.progressUrl || !window.fetch) {
        return;
    }
    const url = region.dataset.progressUrl;
    const announcement = document.createElement("p");
    announcement.className = "visually-hidden";
    announcement.setAttribute("role", "status");
    region.after(announcement);

    function freshPart(html) {
        const template = document.createElement("template");
        template.innerHTML = html;
        return template.content.getElementById("group-progress");
    }

    async function poll() {
        let fresh = null;
        try {
            const response = await fetch(url, {credentials: "same-origin", cache: "no-store",
                headers: {"Accept": "text/html"}});
            if (!response.ok || response.redirected) {
                region.dataset.progressPolling = "stopped";
                return;
            }
            fresh = freshPart(await response.text());
        } catch (networkTrouble) {
            window.setTimeout(poll, DELAY_MS);
            return;
        }
        if (!fresh) {
            region.dataset.progressPolling = "stopped";
            return;
        }
        if (fresh.dataset.progressVersion !== region.dataset.progressVersion) {
            region.replaceChildren(...fresh.childNodes);
            region.dataset.progressVersion = fresh.dataset.progressVersion;
            if (window.TextDesk) {
                window.TextDesk.labelTableCells(region);
            }
        }
        if (fresh.dataset.progressUrl) {
            window.setTimeout(poll, DELAY_MS);
        } else {
            region.removeAttribute("data-progress-url");
            region.dataset.progressPolling = "stopped";
            announcement.textContent = fresh.dataset.progressAnnouncement || "";
        }
    }

    region.dataset.progressPolling = "on";
    window.setTimeout(poll, DELAY_MS);
})();
