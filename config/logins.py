"""Admin login throttling that slows attackers without letting them lock anyone else out.

Failed logins are counted four ways (`LOGIN_THROTTLES`, sliding windows in the shared
cache):

- one username from one address: that pair is locked (the guesser at one account);
- one address, any username: that address is locked (spraying one password over many
  usernames from one place);
- one username from anywhere: the account is under attack, and from then on only
  addresses that never failed on it may try, so its owner still logs in from their desk;
- every failure of the site in a minute: past that ceiling, only addresses that have not
  failed at all may try, so a distributed attack gets one guess per address.

Nothing an attacker sends can refuse a login from an address that has not failed. Each
lock-out is listed for staff (`lockouts()`), who can lift it (`unlock()`).
"""

from django.conf import settings
from django.core.cache import cache

from . import ratelimit

PAIR = "account_address"
ADDRESS = "address"
ACCOUNT = "account"
GLOBAL = "global"
KINDS = (PAIR, ADDRESS, ACCOUNT, GLOBAL)
REGISTRY_KEY = "login-lockouts"


def _account(username):
    return (username or "").strip().lower()[:150]


def _ident(kind, address, account):
    return {
        PAIR: f"{address} {account}",
        ADDRESS: address,
        ACCOUNT: account,
        GLOBAL: "all",
    }[kind]


def _window(kind, address, account):
    _limit, window = settings.LOGIN_THROTTLES[kind]
    return ratelimit.read(f"login-{kind}", _ident(kind, address, account), window)


def _wait(kind, state):
    limit, _window_seconds = settings.LOGIN_THROTTLES[kind]
    return state.seconds_until_below(limit)


def seconds_locked(address, username):
    """Seconds before this address may try this username again (0: it may try now)."""
    account = _account(username)
    pair = _window(PAIR, address, account)
    from_address = _window(ADDRESS, address, account)
    waits = [_wait(PAIR, pair), _wait(ADDRESS, from_address)]
    if pair.total > 0:
        # Only while this address has failures of its own on the account.
        account_wait = _wait(ACCOUNT, _window(ACCOUNT, address, account))
        waits.append(min(account_wait, pair.seconds_until_below(1)) if account_wait else 0)
    if from_address.total > 0:
        global_wait = _wait(GLOBAL, _window(GLOBAL, address, account))
        waits.append(min(global_wait, from_address.seconds_until_below(1)) if global_wait else 0)
    return max(waits)


def record_failure(address, username):
    """Count one failed login; note each lock-out it starts, for the staff's list."""
    account = _account(username)
    for kind in KINDS:
        limit, window = settings.LOGIN_THROTTLES[kind]
        scope, ident = f"login-{kind}", _ident(kind, address, account)
        ratelimit.hit(scope, ident, window)
        if ratelimit.read(scope, ident, window).total >= limit:
            _register(kind, address, account)


def forget_failures(address, username):
    """A successful login clears the failures of its own address on its own account."""
    _limit, window = settings.LOGIN_THROTTLES[PAIR]
    ratelimit.forget(f"login-{PAIR}", _ident(PAIR, address, _account(username)), window)


def _entry_id(kind, address, account):
    return f"{kind}|{_ident(kind, address, account)}"


def _register(kind, address, account):
    registry = cache.get(REGISTRY_KEY, {})
    entry_id = _entry_id(kind, address, account)
    if entry_id in registry:
        return
    registry[entry_id] = {
        "kind": kind,
        "address": address if kind in (PAIR, ADDRESS) else "",
        "account": account if kind in (PAIR, ACCOUNT) else "",
    }
    _save(registry)


def _save(registry):
    # Twice the longest window: an entry outlives every lock-out it can stand for.
    longest = max(window for _limit, window in settings.LOGIN_THROTTLES.values())
    cache.set(REGISTRY_KEY, registry, timeout=2 * longest)


def lockouts():
    """The lock-outs in force, each with its id, kind, address, account and seconds left."""
    registry = cache.get(REGISTRY_KEY, {})
    current = []
    for entry_id, entry in registry.items():
        state = _window(entry["kind"], entry["address"], entry["account"])
        seconds_left = _wait(entry["kind"], state)
        if seconds_left:
            current.append({**entry, "id": entry_id, "seconds_left": seconds_left})
    if len(current) < len(registry):  # lock-outs that ended on their own leave the list
        _save({entry["id"]: registry[entry["id"]] for entry in current})
    return sorted(current, key=lambda entry: -entry["seconds_left"])


def unlock(entry_id):
    """Lift one lock-out: its failures are forgotten. False if there was none by that id."""
    registry = cache.get(REGISTRY_KEY, {})
    entry = registry.pop(entry_id, None)
    if entry is None:
        return False
    kind = entry["kind"]
    _limit, window = settings.LOGIN_THROTTLES[kind]
    ident = _ident(kind, entry["address"], entry["account"])
    ratelimit.forget(f"login-{kind}", ident, window)
    _save(registry)
    return True
