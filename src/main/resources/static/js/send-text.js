// Send Text: choosing a Quick Entry puts its text into Text Message, with the chosen case's number
// filled in (the server has filled in the names already); choosing another case refills it. A placeholder
// that has no value stays in the text, marked, until the caseworker fills it (the server refuses it too).
"use strict";
(function () {
    const form = document.querySelector("form.send-text");
    if (!form) {
        return;
    }
    const CASE_NUMBER = "{case_number}";
    const PLACEHOLDER = /\{(first_name|last_name|case_number|staff_name)\}/;
    const quickEntry = form.querySelector("#quickEntryId");
    const caseChoice = form.querySelector("#caseId");
    const body = form.querySelector("#body");
    const counter = form.querySelector("[data-sms-counter]");
    const cutNote = form.querySelector("[data-sms-cut-note]");
    const placeholderNote = form.querySelector("[data-placeholder-note]");
    // The Quick Entry last put in the box and the text it became, to refill it when the case changes.
    let template = null;
    let filled = null;

    function chosenCaseNumber() {
        const option = caseChoice ? caseChoice.options[caseChoice.selectedIndex] : null;
        return option && option.dataset.value ? option.dataset.value : "";
    }

    function fill(text) {
        const caseNumber = chosenCaseNumber();
        return caseNumber ? text.split(CASE_NUMBER).join(caseNumber) : text;
    }

    function put(text) {
        const fits = window.TextDeskSms.measure(text).fits;
        body.value = text;
        body.dispatchEvent(new Event("sms:refresh"));
        filled = body.value;
        if (!fits && cutNote && counter) {
            cutNote.textContent = counter.dataset.msgQuickEntryCut;
            cutNote.hidden = false;
        }
        markPlaceholders();
    }

    function markPlaceholders() {
        if (!placeholderNote || !body) {
            return;
        }
        const found = PLACEHOLDER.exec(body.value);
        const field = body.closest(".field");
        if (found) {
            placeholderNote.textContent = found[0] === CASE_NUMBER ? placeholderNote.dataset.msgCaseNumber
                : placeholderNote.dataset.msgPlaceholder.replace("{0}", found[0]);
        }
        placeholderNote.hidden = !found;
        body.setAttribute("aria-invalid", found ? "true" : "false");
        if (field) {
            field.classList.toggle("has-placeholder", !!found);
        }
        const describedBy = (body.getAttribute("aria-describedby") || "").split(" ")
            .filter(function (id) { return id && id !== placeholderNote.id; });
        if (found) {
            describedBy.push(placeholderNote.id);
        }
        if (describedBy.length) {
            body.setAttribute("aria-describedby", describedBy.join(" "));
        } else {
            body.removeAttribute("aria-describedby");
        }
    }

    if (quickEntry && body) {
        quickEntry.addEventListener("change", function () {
            const option = quickEntry.options[quickEntry.selectedIndex];
            if (!option || !option.dataset.value) {
                return;
            }
            template = option.dataset.value;
            put(fill(template));
            body.focus();
        });
    }
    if (caseChoice && body) {
        caseChoice.addEventListener("change", function () {
            if (template !== null && body.value === filled) {
                put(fill(template));
            } else if (body.value.indexOf(CASE_NUMBER) >= 0) {
                put(fill(body.value));
            }
        });
    }
    if (body) {
        body.addEventListener("input", markPlaceholders);
        markPlaceholders();
    }
})();
