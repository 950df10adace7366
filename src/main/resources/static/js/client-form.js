// Client form: a new cell number does not carry Okay to Text over silently. On a record whose box is
// ticked, changing the cell number unticks the box and says so; ticking it again records the number it
// was ticked for, and the server keeps the tick only for that number. Without this script the server
// unticks the box itself when the number changes.
"use strict";
(function () {
    const form = document.querySelector("form.client-form[data-consent-guard]");
    if (!form) {
        return;
    }
    const areaCode = form.querySelector("#cellAreaCode");
    const number = form.querySelector("#cellNumber");
    const box = form.querySelector("input[type=checkbox][name=okayToText]");
    const tickedFor = form.querySelector("#okayToTextCell");
    const note = document.getElementById("okay-to-text-note");
    if (!areaCode || !number || !box || !tickedFor) {
        return;
    }

    const digitsOf = (text) => {
        const digits = text.replace(/[^0-9]/g, "");
        return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
    };
    const typedCell = () => (areaCode.value + " " + number.value).trim();

    const untickWhenTheNumberChanges = () => {
        if (box.checked && digitsOf(typedCell()) !== digitsOf(tickedFor.value)) {
            box.checked = false;
            if (note) {
                note.hidden = false;
            }
        }
    };
    areaCode.addEventListener("input", untickWhenTheNumberChanges);
    number.addEventListener("input", untickWhenTheNumberChanges);
    box.addEventListener("change", () => {
        if (box.checked) {
            tickedFor.value = typedCell();
            if (note) {
                note.hidden = true;
            }
        }
    });
})();
