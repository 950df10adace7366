// Live updates: the server's event stream (/events) says only what changed and its ids; this page then asks
// for its own parts again over plain HTTP (the same login and checks as the page) and puts them in place.
// The tab title shows My inbox's unread count. With the person's permission (asked only on the button), a
// browser notification names the client of a new text from one of my clients, never the text. Without
// this script every page is still right after a reload.
"use strict";
(function () {
    const QUIET_MS = 300;
    const COUNTS_URL = "/events/counts";

    const baseTitle = document.title.replace(/^\(\d+\+?\) /, "");
    const main = document.querySelector("main");
    const ownUrl = main && main.hasAttribute("data-live-url")
        ? (main.dataset.liveUrl || window.location.href) : COUNTS_URL;
    const ownClient = main && main.dataset.liveClient ? Number(main.dataset.liveClient) : null;
    const announcement = document.getElementById("live-announcement");
    const notifyButton = document.querySelector("button.live-notify");

    function showUnreadInTitle() {
        const link = document.getElementById("nav-my-inbox");
        const unread = link && link.dataset.unread ? Number(link.dataset.unread) : 0;
        document.title = unread > 0 ? "(" + unread + ") " + baseTitle : baseTitle;
    }

    let fetching = false;
    let wanted = false;

    function refreshSoon() {
        if (fetching) {
            wanted = true;
            return;
        }
        fetching = true;
        window.setTimeout(refresh, QUIET_MS);
    }

    async function refresh() {
        try {
            const response = await fetch(ownUrl, {
                credentials: "same-origin",
                cache: "no-store",
                headers: {"Accept": "text/html"}
            });
            if (response.ok && !response.redirected) {
                const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
                document.querySelectorAll("[data-live-part]").forEach(function (part) {
                    const replacement = part.id ? fresh.getElementById(part.id) : null;
                    if (replacement) {
                        part.replaceWith(document.importNode(replacement, true));
                    }
                });
                if (window.TextDesk) {
                    window.TextDesk.labelTableCells(document);
                }
                showUnreadInTitle();
            }
        } catch (networkTrouble) {
            // The next event, or the next reload, brings the page up to date.
        } finally {
            fetching = false;
            if (wanted) {
                wanted = false;
                refreshSoon();
            }
        }
    }

    function onThisPage(event) {
        return (ownClient !== null && event.clientId === ownClient)
            || (event.messageId && document.getElementById("text-" + event.messageId) !== null);
    }

    async function notify(event) {
        if (!("Notification" in window) || Notification.permission !== "granted" || !event.mine || !event.clientId) {
            return;
        }
        if (document.visibilityState === "visible" && event.clientId === ownClient) {
            return;
        }
        try {
            const response = await fetch("/clients/" + event.clientId + "/conversation/notice", {
                credentials: "same-origin",
                cache: "no-store",
                headers: {"Accept": "application/json"}
            });
            if (!response.ok || response.redirected) {
                return;
            }
            const notice = await response.json();
            const shown = new Notification(notice.title, {tag: "textdesk-client-" + event.clientId});
            shown.addEventListener("click", function () {
                window.focus();
                window.location.href = "/clients/" + event.clientId + "/conversation";
            });
        } catch (networkTrouble) {
            // No notification this time; the page and the title still show the text.
        }
    }

    function onEvent(message) {
        let event;
        try {
            event = JSON.parse(message.data);
        } catch (notOurs) {
            return;
        }
        // "read": I opened a client's texts on another page, so my counts (and this thread's New marks) changed;
        // another person's reading changes nothing of mine.
        if (event.kind === "read" && !event.mine) {
            return;
        }
        if (event.kind === "incoming" || event.kind === "resync" || event.kind === "read" || onThisPage(event)) {
            refreshSoon();
        }
        if (event.kind === "incoming") {
            if (announcement && ownClient !== null && event.clientId === ownClient) {
                announcement.textContent = announcement.dataset.newText || "";
            }
            notify(event);
        }
    }

    function offerNotifications() {
        if (!notifyButton || !("Notification" in window) || Notification.permission !== "default") {
            return;
        }
        notifyButton.hidden = false;
        notifyButton.addEventListener("click", function () {
            Promise.resolve(Notification.requestPermission()).then(function () {
                notifyButton.hidden = Notification.permission !== "default";
            });
        });
    }

    function start() {
        showUnreadInTitle();
        offerNotifications();
        if (!window.EventSource || !window.fetch) {
            return;
        }
        // A conversation says whose it is, so that the server sends it its client's statuses and pictures; every
        // other page is sent only what changes the navigation's counts (no other page shows statuses or pictures).
        const stream = new EventSource(ownClient !== null ? "/events?client=" + ownClient : "/events");
        let lost = false;
        stream.addEventListener("live", onEvent);
        stream.addEventListener("open", function () {
            document.documentElement.dataset.live = "open";
            if (lost) {
                // Whatever happened while the stream was away was not announced.
                lost = false;
                refreshSoon();
            }
        });
        stream.addEventListener("error", function () {
            lost = true;
            document.documentElement.dataset.live = stream.readyState === EventSource.CLOSED ? "closed" : "connecting";
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
