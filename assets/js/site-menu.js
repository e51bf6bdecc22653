// The header's menu is a <details> disclosure: it opens and closes without JavaScript, and
// the browser tells assistive technology whether it is expanded. This script only adds
// what a menu button is expected to do: Escape closes it and gives the focus back to the
// button, and a click or a focus outside the open menu closes it.
(function () {
    "use strict";
    var menu = document.querySelector("[data-site-menu]");
    if (!menu) {
        return;
    }
    var toggle = menu.querySelector("summary");
    // On wide screens the menu's content is always shown: it is not a disclosure there.
    var wide = window.matchMedia("(min-width: 64em)");

    function close(giveFocusBack) {
        if (!menu.open || wide.matches) {
            return;
        }
        menu.open = false;
        if (giveFocusBack) {
            toggle.focus();
        }
    }

    menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            close(true);
        }
    });
    document.addEventListener("click", function (event) {
        if (!menu.contains(event.target)) {
            close(false);
        }
    });
    document.addEventListener("focusin", function (event) {
        if (!menu.contains(event.target)) {
            close(false);
        }
    });
})();
