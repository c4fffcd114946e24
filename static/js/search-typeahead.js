/* Type-ahead for the header search: progressive enhancement of a plain GET form.
 *
 * Implements the ARIA 1.2 combobox pattern (list autocomplete, manual selection):
 * the input keeps focus; Down/Up move through the suggestions (aria-activedescendant),
 * Enter opens the highlighted suggestion (or submits the form when none is highlighted),
 * Escape closes the list, or clears the field when the list is already closed.
 * Suggestions come as JSON from the form's data-suggest-url and are inserted as text,
 * never as HTML.
 */
(function () {
    "use strict";

    function enhance(form) {
        var input = form.querySelector("input[name=q]");
        var list = form.querySelector("[role=listbox]");
        var status = form.querySelector("[data-search-status]");
        var endpoint = form.getAttribute("data-suggest-url");
        if (!input || !list || !endpoint || !window.fetch) {
            return;
        }
        var suggestions = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var requested = "";

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("autocomplete", "off");

        function optionId(index) {
            return list.id + "-option-" + index;
        }

        function setActive(index) {
            var options = list.querySelectorAll("[role=option]");
            active = index;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", optionId(index));
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function open() {
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function go(index) {
            var suggestion = suggestions[index];
            if (suggestion && suggestion.url) {
                window.location.assign(suggestion.url);
            }
        }

        function render(items) {
            suggestions = items;
            list.textContent = "";
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = optionId(index);
                option.className = "header-search__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "header-search__option-title";
                title.textContent = item.title;
                if (item.in_german) {
                    title.lang = "de";
                    title.dir = "ltr";
                }
                var meta = document.createElement("span");
                meta.className = "header-search__option-meta";
                meta.textContent = item.type + (item.in_german ? " · " + form.getAttribute("data-msg-german") : "");
                option.appendChild(title);
                option.appendChild(meta);
                // Keep focus in the input when an option is clicked.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    go(index);
                });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (items.length) {
                status.textContent = items.length + " " + form.getAttribute("data-msg-results");
                open();
            } else {
                status.textContent = requested ? form.getAttribute("data-msg-none") : "";
                close();
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === requested) {
                return;
            }
            requested = query;
            if (controller) {
                controller.abort();
            }
            if (query.length < 2) {
                render([]);
                return;
            }
            controller = window.AbortController ? new AbortController() : null;
            window
                .fetch(endpoint + "?q=" + encodeURIComponent(query), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    signal: controller ? controller.signal : undefined,
                })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the plain form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, 150);
        });

        input.addEventListener("keydown", function (event) {
            var count = suggestions.length;
            switch (event.key) {
                case "ArrowDown":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    open();
                    setActive(active + 1 >= count ? 0 : active + 1);
                    break;
                case "ArrowUp":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    open();
                    setActive(active - 1 < 0 ? count - 1 : active - 1);
                    break;
                case "Enter":
                    if (!list.hidden && active >= 0) {
                        event.preventDefault();
                        go(active);
                    }
                    break;
                case "Escape":
                    if (!list.hidden) {
                        event.preventDefault();
                        close();
                    } else if (input.value) {
                        event.preventDefault();
                        input.value = "";
                        requested = "";
                        suggestions = [];
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        input.addEventListener("focus", function () {
            if (suggestions.length && input.value.trim() === requested) {
                open();
            }
        });
    }

    function init() {
        var forms = document.querySelectorAll("form[data-suggest-url]");
        for (var i = 0; i < forms.length; i++) {
            enhance(forms[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
