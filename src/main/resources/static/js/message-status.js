// Message Status: while a text is not final, ask for its status part every 2 seconds (every 15 after
// two minutes) and put it in place when it changed, without reloading the page. Stops when the status
// is final (the new part has no data-status-url), or when the answer is not a status part (logged out).
"use strict";
(function () {
    const FAST_MS = 2000;
    const SLOW_MS = 15000;
    const FAST_FOR_MS = 120000;

    const region = document.getElementById("message-status");
    if (!region || !region.dataset.statusUrl || !window.fetch) {
        return;
    }
    const announcement = document.getElementById("message-status-announcement");
    const started = Date.now();

    function nextDelay() {
        return Date.now() - started < FAST_FOR_MS ? FAST_MS : SLOW_MS;
    }

    function freshPart(html) {
        const template = document.createElement("template");
        template.innerHTML = html;
        return template.content.getElementById("message-status");
    }

    function stop() {
        region.removeAttribute("data-status-url");
        region.dataset.statusPolling = "stopped";
    }

    async function poll() {
        let fresh = null;
        try {
            const response = await fetch(region.dataset.statusUrl, {
                credentials: "same-origin",
                cache: "no-store",
                headers: {"Accept": "text/html"}
            });
            if (!response.ok || response.redirected) {
                stop();
                return;
            }
            fresh = freshPart(await response.text());
        } catch (networkTrouble) {
            window.setTimeout(poll, nextDelay());
            return;
        }
        if (!fresh) {
            stop();
            return;
        }
        if (fresh.dataset.statusVersion !== region.dataset.statusVersion) {
            region.replaceChildren(...fresh.childNodes);
            region.dataset.statusVersion = fresh.dataset.statusVersion;
            if (window.TextDesk) {
                window.TextDesk.labelTableCells(region);
            }
            if (announcement) {
                announcement.textContent = fresh.dataset.statusAnnouncement || "";
            }
        }
        if (fresh.dataset.statusUrl) {
            window.setTimeout(poll, nextDelay());
        } else {
            stop();
        }
    }

    region.dataset.statusPolling = "on";
    window.setTimeout(poll, nextDelay());
})();
