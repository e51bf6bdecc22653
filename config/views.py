"""The admin screen listing login lock-outs, where account managers lift them."""

import math

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import logins

# Who may edit user accounts may also let a user back in.
UNLOCK_PERMISSION = "auth.change_user"

KIND_LABELS = {
    logins.PAIR: gettext_lazy("This account from this address"),
    logins.ADDRESS: gettext_lazy("Every account from this address"),
    logins.ACCOUNT: gettext_lazy("This account from the addresses that failed on it"),
    logins.GLOBAL: gettext_lazy("Every account from the addresses that failed"),
}


@require_http_methods(["GET", "POST"])
def login_lockouts(request):
    """GET lists the lock-outs in force; POST with `lockout` lifts one."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        if logins.unlock(request.POST.get("lockout", "")):
            messages.success(request, _("Lock-out lifted."))
        else:
            messages.warning(request, _("That lock-out had already ended."))
        return redirect("config_login_lockouts")
    rows = [
        {
            **entry,
            "label": KIND_LABELS[entry["kind"]],
            "minutes_left": math.ceil(entry["seconds_left"] / 60),
        }
        for entry in logins.lockouts()
    ]
    return TemplateResponse(request, "config/admin/login_lockouts.html", {"rows": rows})
