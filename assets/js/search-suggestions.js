// Title suggestions under the header's search box, as an ARIA combobox.
// Without JavaScript the box is a plain GET form; this only adds the list.
// The list is asked for after a pause in typing, once per text (answers are kept),
// and an older request is cancelled when a newer one starts.
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var PAUSE_MS = 250;

    var form = document.querySelector("form[data-suggestions-url]");
    if (!form || !window.fetch || !window.AbortController) {
        return;
    }
    var input = form.querySelector("input[type=search]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-suggestions-status]");
    if (!input || !list) {
        return;
    }

    var answers = new Map();
    var timer = null;
    var pending = null;
    var options = [];
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    function announce(count) {
        if (!status) {
            return;
        }
        status.textContent = count
            ? form.dataset.statusSome.replace("{count}", String(count))
            : form.dataset.statusNone;
    }

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function choose(index) {
        options.forEach(function (option, position) {
            option.setAttribute("aria-selected", position === index ? "true" : "false");
        });
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function show(suggestions) {
        list.replaceChildren();
        options = suggestions.map(function (suggestion, position) {
            var option = document.createElement("li");
            option.id = list.id + "-" + position;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.url = suggestion.url;
            var title = document.createElement("span");
            title.className = "site-search__suggestion-title";
            title.textContent = suggestion.title;
            var kind = document.createElement("span");
            kind.className = "site-search__suggestion-type";
            kind.textContent = suggestion.type;
            option.append(title, " ", kind);
            option.addEventListener("mousedown", function (event) {
                event.preventDefault(); // keep the focus in the box until we leave
                window.location.assign(suggestion.url);
            });
            list.append(option);
            return option;
        });
        active = -1;
        var open = options.length > 0;
        list.hidden = !open;
        input.setAttribute("aria-expanded", open ? "true" : "false");
        announce(options.length);
    }

    function ask(text) {
        if (answers.has(text)) {
            show(answers.get(text));
            return;
        }
        if (pending) {
            pending.abort();
        }
        pending = new AbortController();
        var url = form.dataset.suggestionsUrl + "?" + new URLSearchParams({ q: text });
        fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
            .then(function (response) {
                return response.ok ? response.json() : { suggestions: [] };
            })
            .then(function (data) {
                var suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
                answers.set(text, suggestions);
                if (input.value.trim() === text) {
                    show(suggestions);
                }
            })
            .catch(function () {
                // Aborted or offline: the plain search still works.
            });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        var text = input.value.trim();
        if (text.length < MIN_LENGTH) {
            close();
            return;
        }
        timer = window.setTimeout(function () {
            ask(text);
        }, PAUSE_MS);
    });

    input.addEventListener("keydown", function (event) {
        var open = !list.hidden && options.length > 0;
        if (event.key === "ArrowDown") {
            if (!open && options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
            if (options.length) {
                event.preventDefault();
                choose(active + 1 < options.length ? active + 1 : 0);
            }
        } else if (event.key === "ArrowUp" && open) {
            event.preventDefault();
            choose(active > 0 ? active - 1 : options.length - 1);
        } else if (event.key === "Enter" && open && active >= 0) {
            event.preventDefault();
            window.location.assign(options[active].dataset.url);
        } else if (event.key === "Escape") {
            if (open) {
                event.preventDefault();
                close();
            } else if (input.value) {
                input.value = "";
            }
        }
    });

    input.addEventListener("blur", function () {
        close();
    });
})();
