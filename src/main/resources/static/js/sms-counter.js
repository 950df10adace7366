// The one-SMS rule in the browser: mirrors org.textdesk.texts.SmsText, and both are tested against
// src/test/resources/sms-length-cases.json. Also drives every [data-sms-counter] block: the live
// "Typed N" / "Left M" counter, look-alike replacement, and stopping input at the limit.
"use strict";
(function () {
    const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const GSM_EXTENSION = "^{}\\[~]|€\f";
    const LIMITS = {GSM_7: 160, UCS_2: 70};
    const LOOK_ALIKES = {
        "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "\u00B4": "'", "\u0060": "'",
        "\u201C": "\"", "\u201D": "\"", "\u201E": "\"", "\u201F": "\"", "\u2033": "\"", "\u00AB": "\"", "\u00BB": "\"",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
        "\u00A0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200A": " ", "\u202F": " ", "\u205F": " ",
        "\u3000": " ", "\t": " ",
        "\u200B": "", "\uFEFF": ""
    };

    function replaceLookAlikes(typed) {
        let replaced = "";
        for (let i = 0; i < typed.length; i++) {
            const c = typed.charAt(i);
            replaced += Object.prototype.hasOwnProperty.call(LOOK_ALIKES, c) ? LOOK_ALIKES[c] : c;
        }
        return replaced;
    }

    // Septets a UTF-16 unit takes in GSM-7, or 0 when it is not a GSM-7 character.
    function gsmCost(c) {
        if (GSM_BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    function measureNormalised(text) {
        let septets = 0;
        let firstNonGsm = "";
        for (const character of text) {
            const cost = character.length > 1 ? 0 : gsmCost(character);
            if (cost === 0) {
                firstNonGsm = character;
                break;
            }
            septets += cost;
        }
        const encoding = firstNonGsm === "" ? "GSM_7" : "UCS_2";
        const used = encoding === "GSM_7" ? septets : text.length;
        const limit = LIMITS[encoding];
        return {text: text, encoding: encoding, used: used, limit: limit, left: limit - used,
            fits: used <= limit, firstNonGsm: firstNonGsm};
    }

    function measure(typed) {
        return measureNormalised(replaceLookAlikes(typed || ""));
    }

    // The longest beginning that fits one segment, never splitting a character.
    function cutToOneSegment(typed) {
        const measured = measure(typed);
        if (measured.fits) {
            return measured;
        }
        let septets = 0;
        let gsm = true;
        let units = 0;
        let fitting = 0;
        for (const character of measured.text) {
            if (gsm) {
                const cost = character.length > 1 ? 0 : gsmCost(character);
                gsm = cost > 0;
                septets += cost;
            }
            units += character.length;
            if (!((gsm && septets <= LIMITS.GSM_7) || units <= LIMITS.UCS_2)) {
                break;
            }
            fitting = units;
        }
        return measureNormalised(measured.text.substring(0, fitting));
    }

    function format(template, value) {
        return (template || "").replace("{0}", value);
    }

    function attachCounter(block) {
        const input = block.querySelector("[data-sms-input], textarea");
        const typed = block.querySelector("[data-sms-typed]");
        const left = block.querySelector("[data-sms-left]");
        const encodingNote = block.querySelector("[data-sms-encoding-note]");
        const cutNote = block.querySelector("[data-sms-cut-note]");
        if (!input) {
            return;
        }
        let lastInputType = "";
        input.addEventListener("beforeinput", function (event) {
            lastInputType = event.inputType || "";
        });
        function refresh(fromInput) {
            const before = input.value;
            const caret = input.selectionStart;
            const replaced = replaceLookAlikes(before);
            let result = measureNormalised(replaced);
            let cut = false;
            if (!result.fits) {
                result = cutToOneSegment(replaced);
                cut = true;
            }
            if (result.text !== before) {
                input.value = result.text;
                const shift = before.length - result.text.length;
                const position = Math.max(0, Math.min(result.text.length, (caret || before.length) - shift));
                input.setSelectionRange(position, position);
            }
            if (typed) { typed.textContent = String(result.used); }
            if (left) { left.textContent = String(result.left); }
            if (encodingNote) {
                encodingNote.textContent = result.encoding === "UCS_2"
                    ? format(block.dataset.msgUnicode, result.firstNonGsm) : "";
                encodingNote.hidden = result.encoding !== "UCS_2";
            }
            if (cutNote && fromInput) {
                const pasted = lastInputType === "insertFromPaste" || lastInputType === "insertFromDrop";
                // A character refused because it would turn the text into Unicode is named, with the reason.
                const refusedUnicode = cut && result.encoding === "GSM_7" ? measureNormalised(replaced).firstNonGsm : "";
                cutNote.textContent = !cut ? "" : pasted ? block.dataset.msgPasteCut
                    : refusedUnicode ? format(block.dataset.msgWouldBeUnicode, refusedUnicode) : block.dataset.msgLimit;
                cutNote.hidden = !cut;
            }
        }
        input.addEventListener("input", function () { refresh(true); });
        input.addEventListener("sms:refresh", function () { refresh(false); });
        refresh(false);
    }

    window.TextDeskSms = {measure: measure, cutToOneSegment: cutToOneSegment, replaceLookAlikes: replaceLookAlikes};

    function attachAll() {
        document.querySelectorAll("[data-sms-counter]").forEach(attachCounter);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", attachAll);
    } else {
        attachAll();
    }
})();
