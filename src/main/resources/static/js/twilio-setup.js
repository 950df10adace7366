// Twilio Setup: copy buttons for the webhook addresses. Without JavaScript the buttons stay hidden
// and the addresses can be selected and copied by hand.
"use strict";
(function () {
    const status = document.querySelector(".webhooks .copy-status");
    if (!status) {
        return;
    }

    function copyBySelection(element) {
        const range = document.createRange();
        range.selectNodeContents(element);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        const copied = document.execCommand("copy");
        selection.removeAllRanges();
        return copied;
    }

    async function copy(element) {
        const text = element.textContent.trim();
        if (navigator.clipboard && window.isSecureContext) {
            try {
                await navigator.clipboard.writeText(text);
                return true;
            } catch (refused) {
                // fall back to copying the selection
            }
        }
        return copyBySelection(element);
    }

    document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
        const source = document.getElementById(button.dataset.copy);
        if (!source) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", async function () {
            const copied = await copy(source);
            status.textContent = copied ? status.dataset.copied : status.dataset.failed;
        });
    });
})();
