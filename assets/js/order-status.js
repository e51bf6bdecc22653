// While a card payment is being confirmed, reload the order page every few seconds
// (for two minutes at most) so the shopper sees "paid" without pressing anything.
(function () {
    "use strict";
    var section = document.querySelector("[data-refresh-while-pending]");
    if (!section) {
        return;
    }
    var key = "order-status-refreshes:" + window.location.pathname;
    var count = Number(window.sessionStorage.getItem(key) || "0");
    if (count >= 24) {
        return;
    }
    window.setTimeout(function () {
        window.sessionStorage.setItem(key, String(count + 1));
        window.location.reload();
    }, 5000);
})();
