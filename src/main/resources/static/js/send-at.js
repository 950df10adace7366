// Send Text's "Send at": shows the date and time boxes only when Send at is chosen, and the client's own time
// for the time typed when the client lives in another time zone (the offset the server gave, in minutes).
"use strict";
(function () {
    const form = document.querySelector("form.send-text");
    const sendAt = form ? form.querySelector("[data-send-at]") : null;
    if (!sendAt) {
        return;
    }
    const later = form.querySelector("#when-later");
    const time = form.querySelector("#sendTime");
    const clientTime = form.querySelector("#client-time");
    const offset = Number(sendAt.dataset.offsetMinutes || 0);

    function showChoice() {
        sendAt.hidden = !later.checked;
    }

    function clock(minutes) {
        const day = 24 * 60;
        const inDay = ((minutes % day) + day) % day;
        const hours = Math.floor(inDay / 60);
        const mins = String(inDay % 60).padStart(2, "0");
        return (hours % 12 === 0 ? 12 : hours % 12) + ":" + mins + (hours < 12 ? " AM" : " PM");
    }

    function showClientTime() {
        const typed = /^(\d{2}):(\d{2})/.exec(time.value);
        if (!clientTime || !typed) {
            return;
        }
        const minutes = Number(typed[1]) * 60 + Number(typed[2]) + offset;
        clientTime.textContent = clientTime.dataset.msgAt.replace("#time#", clock(minutes));
    }

    form.querySelectorAll("input[name=when]").forEach(radio => radio.addEventListener("change", showChoice));
    time.addEventListener("input", showClientTime);
    showChoice();
    showClientTime();
}());
