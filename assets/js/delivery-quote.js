// Checkout: show the delivery fee and lead time as the shopper types their city, by asking
// the server exactly what the « Show the delivery fee and time » button asks it (the form
// posted with `quote`), then putting its answer in place. Without JavaScript the button
// does the same with a page load.
(function () {
    "use strict";
    var form = document.querySelector("form.checkout__form");
    var place = form && form.querySelector("[name=delivery_place]");
    if (!place || !window.fetch || !window.DOMParser) {
        return;
    }
    var timer = null;
    var REGIONS = ["#delivery-quote", ".checkout__summary tfoot"];

    function refresh() {
        var data = new FormData(form);
        data.append("quote", "1");
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var fresh = new DOMParser().parseFromString(html, "text/html");
                REGIONS.forEach(function (selector) {
                    var now = document.querySelector(selector);
                    var then = fresh.querySelector(selector);
                    if (now && then) {
                        now.innerHTML = then.innerHTML;
                    }
                });
            })
            .catch(function () { /* the button still works */ });
    }

    place.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 400);
    });
})();
