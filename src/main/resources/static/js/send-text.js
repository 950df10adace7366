// Send Text: choosing a Quick Entry puts its text into Text Message, with the chosen case's number
// filled in (the server has filled in the names already); the counter then measures it.
"use strict";
(function () {
    const form = document.querySelector("form.send-text");
    if (!form) {
        return;
    }
    const quickEntry = form.querySelector("#quickEntryId");
    const caseChoice = form.querySelector("#caseId");
    const body = form.querySelector("#body");
    const counter = form.querySelector("[data-sms-counter]");
    const cutNote = form.querySelector("[data-sms-cut-note]");

    function chosenCaseNumber() {
        const option = caseChoice ? caseChoice.options[caseChoice.selectedIndex] : null;
        return option && option.dataset.value ? option.dataset.value : "";
    }

    if (quickEntry && body) {
        quickEntry.addEventListener("change", function () {
            const option = quickEntry.options[quickEntry.selectedIndex];
            if (!option || !option.dataset.value) {
                return;
            }
            const text = option.dataset.value.split("{case_number}").join(chosenCaseNumber());
            const fits = window.TextDeskSms.measure(text).fits;
            body.value = text;
            body.dispatchEvent(new Event("sms:refresh"));
            if (!fits && cutNote && counter) {
                cutNote.textContent = counter.dataset.msgQuickEntryCut;
                cutNote.hidden = false;
            }
            body.focus();
        });
    }
})();
