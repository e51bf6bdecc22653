"""Real server processes for tests that Django's test client cannot stand in for.

The test client runs the site in the test's own process, inside its transaction: it
cannot show what two workers, a proxy or a crash do to each other. These helpers build
a scratch copy of the site (its own database, media and static files in a folder), serve
it with N gunicorn or `runserver` processes on free loopback ports, and visit it over
HTTP as a browser without JavaScript would (cookies, CSRF token, HTML forms).

    env = production_environment(tmp_path, REDIS_URL=...)
    prepare_site(env)
    with running_servers(2, env) as (first, second):
        visitor = Visitor(first.base_url)
        visitor.get("/fr/")

Nothing here touches the test database, db.sqlite3 or media/.
"""

import http.cookiejar
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The variables a process needs to run at all; settings variables are set on purpose only.
INHERITED_VARIABLES = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "TZ")
# Generous: on a busy machine a worker's first answer can take a minute.
READY_TIMEOUT = 300


def free_port():
    """A loopback TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_reachable(url):
    """Whether a Redis server answers at that URL within a second."""
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def forget_redis_keys(url, prefix):
    """Delete the keys a run wrote under its own cache key prefix, and nothing else."""
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)


def production_environment(folder, **overrides):
    """Production settings pointed at `folder`: plain HTTP on the loopback, nothing inherited.

    Only the variables in INHERITED_VARIABLES come from the test's own environment, so a
    developer's DATABASE_URL or REDIS_URL never leaks into the servers. `overrides` are
    added last (e.g. REDIS_URL, DATABASE_URL, ALLOW_PER_PROCESS_CACHE).
    """
    folder = Path(folder)
    env = {name: os.environ[name] for name in INHERITED_VARIABLES if name in os.environ}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
            "STATIC_ROOT": str(folder / "static"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(overrides)
    return env


def manage(env, *arguments):
    """Run a management command with that environment; its output is shown if it fails."""
    result = subprocess.run(  # noqa: S603 - our own manage.py, arguments from the test
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def prepare_site(env):
    """Migrate, load the demo and collect static files (the manifest production needs)."""
    manage(env, "migrate", "--noinput", "--verbosity=0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "--verbosity=0")


class ServerProcess:
    """One server process (`gunicorn` or `runserver`) on a free port of 127.0.0.1."""

    def __init__(self, env, *, kind="gunicorn", workers=1, log_path=None):
        if kind not in ("gunicorn", "runserver"):
            raise ValueError(f"unknown server kind {kind!r}")
        self.env = env
        self.kind = kind
        self.workers = workers
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path or Path(env["MEDIA_ROOT"]).parent / f"server-{self.port}.log")
        self.process = None

    def command(self):
        address = f"127.0.0.1:{self.port}"
        if self.kind == "runserver":
            return [sys.executable, "manage.py", "runserver", "--noreload", address]
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        return [
            gunicorn,
            "config.wsgi",
            *("--workers", str(self.workers), "--bind", address, "--timeout", "120"),
            # Every gunicorn would otherwise open the same ~/.gunicorn/gunicorn.ctl.
            "--no-control-socket",
        ]

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - fixed commands, loopback only
                self.command(), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def wait_until_ready(self, path="/admin/login/", timeout=READY_TIMEOUT):
        """Poll `path` until it answers; fail with the server's log if it dies or never does.

        The admin's login page is a Django view that needs no image rendition: it answers
        as soon as a worker has loaded the site.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} stopped at start:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base_url + path, timeout=5):  # noqa: S310
                    return self
            except urllib.error.HTTPError:
                return self  # it answers, if not with a page: ready
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.kind} did not answer within {timeout} s:\n{self.log()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log(self):
        return self.log_path.read_text() if self.log_path.exists() else ""


@contextmanager
def running_servers(count, env, **options):
    """Start `count` servers at once, wait until each answers, stop them all afterwards."""
    with ExitStack() as stack:
        servers = []
        for _number in range(count):
            server = ServerProcess(env, **options)
            stack.callback(server.stop)
            servers.append(server.start())
        for server in servers:
            server.wait_until_ready()
        yield servers


@dataclass
class Answer:
    status: int
    url: str
    html: str

    def soup(self):
        return BeautifulSoup(self.html, "html.parser")


class BehindTLSPolicy(http.cookiejar.DefaultCookiePolicy):
    """Send `Secure` cookies over the loopback, as the browser does to the HTTPS proxy."""

    def return_ok_secure(self, cookie, request):
        return True


class Visitor:
    """A browser without JavaScript: keeps cookies, follows redirects, submits HTML forms.

    It talks to the server as the HTTPS load balancer README asks for would: with
    `X-Forwarded-Proto: https` and an https Referer, so that production's secure session
    and CSRF cookies and its CSRF Referer check work over plain HTTP on the loopback.
    """

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar(policy=BehindTLSPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def _open(self, path, data=None):
        url = urllib.parse.urljoin(self.base_url, path)
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": "https://" + url.removeprefix("http://"),
        }
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                return Answer(response.status, response.url, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, url, error.read().decode(errors="replace"))

    def get(self, path):
        return self._open(path)

    def post(self, path, data):
        return self._open(path, data)

    def submit(self, path, changes, form_selector="form[method=post i]"):
        """Open `path`, fill its form's fields as the page shows them, change some, send it."""
        page = self.get(path)
        form = page.soup().select_one(form_selector)
        if form is None:
            raise AssertionError(f"no form {form_selector!r} at {path} ({page.status})")
        data = form_values(form)
        data.update(changes)
        return self.post(urllib.parse.urljoin(page.url, form.get("action") or page.url), data)

    def log_in(self, username, password, login_path="/admin/login/"):
        answer = self.submit(login_path, {"username": username, "password": password})
        if "/login/" in answer.url:
            raise AssertionError(f"could not log in as {username} ({answer.status})")
        return answer


def form_values(form):
    """What a browser would send for this form as displayed, before anyone types."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.select("option[selected]") or field.select("option")[:1]
            if chosen:
                data[name] = [option.get("value", option.text) for option in chosen]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file", "image"):
            data[name] = field.get("value", "")
    return data
