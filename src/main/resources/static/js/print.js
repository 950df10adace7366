// Printable pages: the Print button opens the browser's print dialog.
"use strict";
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
