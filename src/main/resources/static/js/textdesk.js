// TextDesk's shared page behaviour. Loaded on every page; each part acts only where its elements exist.
"use strict";
(function () {
    // At phone width the header folds into a menu. Without this script the menu button stays hidden and
    // the links stay shown, so nothing depends on it.
    function foldHeader() {
        const header = document.querySelector("header.top");
        const toggle = header ? header.querySelector("button.menu-toggle") : null;
        if (!toggle) {
            return;
        }
        toggle.hidden = false;
        header.classList.add("menu-ready");
        toggle.addEventListener("click", function () {
            const open = !header.classList.contains("menu-open");
            header.classList.toggle("menu-open", open);
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
        });
    }

    // At phone width tables become stacked rows; each cell then shows its column's heading before it.
    function labelTableCells(root) {
        (root || document).querySelectorAll("table.records").forEach(function (table) {
            const headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
                return th.textContent.trim();
            });
            table.querySelectorAll("tbody tr").forEach(function (row) {
                let column = 0;
                Array.prototype.forEach.call(row.children, function (cell) {
                    if (cell.colSpan === 1 && headings[column] && !cell.hasAttribute("data-label")) {
                        cell.setAttribute("data-label", headings[column]);
                    }
                    column += cell.colSpan || 1;
                });
            });
        });
    }

    function start() {
        foldHeader();
        labelTableCells(document);
    }
    window.TextDesk = {labelTableCells: labelTableCells};
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
