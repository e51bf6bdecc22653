"""Real server processes for tests that Django's test client cannot stand in for.

The test client runs the site in the test's own process, inside its transaction: it
cannot show what two workers, a proxy, a stopped Redis or a row lock do to each other.
These helpers start the processes the README deploys (gunicorn with N workers, the mail
worker, nginx in front, a `redis-server`), each on a free loopback port with its log
file, wait until it answers (failing with the log's tail), and stop it and its children
when the block ends, whatever happened inside. A `Visitor` then uses the site over HTTP
as a browser without JavaScript does (cookies, CSRF token, HTML forms).

    env = production_environment(folder, REDIS_URL=...)
    prepare_site(env)
    with app_servers(2, env, folder) as (first, second):
        Visitor(first.url).get("/fr/")

Nothing here touches db.sqlite3 or media/; `database_copy` copies the test database.
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import closing
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import psycopg
import pytest
import redis
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connections
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
# The variables a process needs to run at all; settings variables are set on purpose only.
INHERITED_VARIABLES = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "TZ")
# Generous: on a busy machine a worker's first answer can take minutes.
READY_TIMEOUT = 300
# Debian's redis-server package; None when it is not installed.
REDIS_SERVER = shutil.which("redis-server")


def free_port():
    """A loopback TCP port nothing listens on right now (the kernel picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require(missing, flag):
    """Skip when a service is `missing` (a reason, or None), or fail when `flag` is set (CI)."""
    if missing and os.environ.get(flag):
        pytest.fail(f"{flag} is set but {missing}")
    if missing:
        pytest.skip(missing)


def log_tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def production_environment(folder, **overrides):
    """Production settings pointed at `folder`: plain HTTP on the loopback, nothing inherited.

    Only the variables in INHERITED_VARIABLES come from the test's own environment, so a
    developer's DATABASE_URL or REDIS_URL never leaks into the servers. `overrides` are
    added last, as strings (e.g. REDIS_URL, DATABASE_URL, DJANGO_SETTINGS_MODULE).
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
    env.update({name: str(value) for name, value in overrides.items()})
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


class Process:
    """One command in the background with its log; `ready` says when it may be used.

    It runs in a session of its own so that stopping it stops its children too
    (gunicorn's workers).
    """

    def __init__(self, command, env, log, ready=None, timeout=READY_TIMEOUT):
        self.command = [str(part) for part in command]
        self.env = env
        self.log_path = Path(log)
        self.ready = ready
        self.timeout = timeout
        self.process = None

    def start(self):
        """Start the command and wait until it is ready."""
        self.launch()
        if self.ready is not None:
            self.wait_until(self.ready)
        return self

    def launch(self):
        """Start the command without waiting, e.g. to start several servers at once."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own commands, loopback only
                self.command,
                cwd=ROOT,
                env={**self.env, "PYTHONUNBUFFERED": "1"},  # the log as it happens
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def wait_until(self, condition):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.command[0]} stopped:\n{log_tail(self.log_path)}")
            if condition():
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"{self.command[0]} not ready in {self.timeout} s:\n{log_tail(self.log_path)}"
        )

    def signal(self, number):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.signal(signal.SIGCONT)  # a frozen process cannot act on SIGTERM
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.process.wait()

    def log(self):
        return log_tail(self.log_path, lines=100)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def answers_http(port, path="/"):
    """A condition for `Process`: the port answers HTTP at `path` with anything but a 5xx."""

    def condition():
        try:
            response = requests.get(
                f"http://127.0.0.1:{port}{path}",
                headers={"X-Forwarded-Proto": "https"},
                timeout=5,
                allow_redirects=False,
            )
        except requests.RequestException:
            return False
        return response.status_code < 500

    return condition


def listens(port):
    """A condition for `Process`: something accepts connections on the port."""

    def condition():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    return condition


def gunicorn(env, folder, workers=1, timeout=120):
    """One app server as README deploys it (`gunicorn config.wsgi`) on a loopback port.

    It is ready when the admin's login page answers: a Django view that needs no image
    rendition, served as soon as a worker has loaded the site. Requests go to the log.
    """
    port = free_port()
    command = [
        Path(sys.executable).with_name("gunicorn"),
        "config.wsgi",
        *("--workers", workers, "--bind", f"127.0.0.1:{port}", "--timeout", timeout),
        *("--access-logfile", "-"),
        # Every gunicorn would otherwise open the same ~/.gunicorn/gunicorn.ctl.
        "--no-control-socket",
    ]
    log = Path(folder) / f"gunicorn-{port}.log"
    server = Process(command, env, log, ready=answers_http(port, "/admin/login/"))
    server.port = port
    server.url = f"http://127.0.0.1:{port}"
    return server


@contextlib.contextmanager
def app_servers(count, env, folder, workers=1, timeout=120):
    """`count` gunicorn servers sharing the same settings, started at once; yields them."""
    with contextlib.ExitStack() as stack:
        servers = [gunicorn(env, folder, workers, timeout) for _number in range(count)]
        for server in servers:
            stack.callback(server.stop)
            server.launch()
        for server in servers:
            server.wait_until(server.ready)
        yield servers


def mail_worker(env, folder):
    """The mail worker README runs beside the app servers, polling its queue twice a second."""
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--backend=background",
        "--interval=0.5",
        "--no-startup-delay",
    ]
    return Process(command, env, Path(folder) / "worker.log")


NGINX_CONF = """
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream app {{
{upstreams}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def nginx_path():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if Path(path).exists()), None
    )


def nginx(upstream_ports, folder):
    """nginx in front of the app servers, as README's load balancer example sets it up."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    upstreams = "\n".join(f"        server 127.0.0.1:{upstream};" for upstream in upstream_ports)
    config = folder / "nginx.conf"
    config.write_text(NGINX_CONF.format(folder=folder, port=port, upstreams=upstreams))
    command = [nginx_path(), "-c", config, "-p", folder, "-e", folder / "nginx-error.log"]
    proxy = Process(command, os.environ.copy(), folder / "nginx.log", ready=answers_http(port))
    proxy.port = port
    proxy.url = f"http://127.0.0.1:{port}"
    return proxy


class RedisServer:
    """A `redis-server` of the test's own, without persistence: stop, start, freeze, thaw."""

    def __init__(self, folder, port=None):
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = [REDIS_SERVER, "--port", self.port, "--bind", "127.0.0.1", "--save", ""]
        log = Path(folder) / f"redis-{self.port}.log"
        self.process = Process(command, os.environ.copy(), log, ready=listens(self.port))

    def start(self):
        self.process.start()
        return self

    def stop(self):
        """Stop it for good (connections refused), as when the server crashes."""
        self.process.stop()

    def freeze(self):
        """SIGSTOP: connections still open, nothing ever answers, as with a hung server."""
        self.process.signal(signal.SIGSTOP)

    def thaw(self):
        self.process.signal(signal.SIGCONT)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def needs_redis_server():
    if REDIS_SERVER is None:
        pytest.skip("needs redis-server on PATH (Debian's redis-server package)")


def redis_reachable(url):
    """Whether a Redis server answers at that URL within a second."""
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def forget_redis_keys(url, prefix):
    """Delete the keys a run wrote under its own cache key prefix, and nothing else."""
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def _admin_connection():
    params = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        host=params.get("HOST") or "127.0.0.1",
        port=params.get("PORT") or 5432,
        user=params.get("USER") or "postgres",
        password=params.get("PASSWORD") or None,
        autocommit=True,
    )


@contextlib.contextmanager
def database_copy():
    """A PostgreSQL database copied from the test database (demo loaded), dropped afterwards.

    The servers write to it and the test reads it with `connect(url)`: the orders they
    place never reach the test database other tests share.
    """
    params = settings.DATABASES["default"]
    template = params["NAME"]
    name = f"{template}_servers_{os.getpid()}"[:63]
    connections.close_all()  # a template database must have no other session
    with closing(_admin_connection()) as admin:
        # e.g. the browser tests' live server thread keeps its connection (CONN_MAX_AGE);
        # it reconnects on its next request (CONN_HEALTH_CHECKS).
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [template],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    user = params.get("USER") or "postgres"
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    try:
        yield f"postgres://{user}{password}@{host}:{port}/{name}"
    finally:
        with closing(_admin_connection()) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def connect(url):
    """A psycopg connection (autocommit) to a database named by URL, for the test's own reads."""
    return psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True)


@dataclass
class Outcome:
    """What a run of requests gave: counts and the slowest answer, for asserts and reports."""

    statuses: list = field(default_factory=list)
    seconds: list = field(default_factory=list)

    def record(self, status, seconds):
        self.statuses.append(status)
        self.seconds.append(seconds)

    @property
    def server_errors(self):
        return sum(1 for status in self.statuses if status is None or status >= 500)

    @property
    def slowest(self):
        return max(self.seconds, default=0)

    def __str__(self):
        return (
            f"{len(self.statuses)} requests, {self.server_errors} 5xx or timeouts, "
            f"slowest {self.slowest:.2f} s"
        )


class BehindTLSPolicy(DefaultCookiePolicy):
    """Send `Secure` cookies over the loopback, as the browser does to the HTTPS proxy."""

    def return_ok_secure(self, cookie, request):
        return True


class BehindTLSSession(requests.Session):
    """A session whose own cookie jar (and its policy) writes every request's Cookie header.

    requests copies the cookies into a jar of the default policy before each request, which
    would drop production's `Secure` session and CSRF cookies over plain HTTP.
    """

    def __init__(self):
        super().__init__()
        self.cookies.set_policy(BehindTLSPolicy())

    def prepare_request(self, request):
        prepared = super().prepare_request(request)
        prepared.headers.pop("Cookie", None)
        prepared.prepare_cookies(self.cookies)
        return prepared


class FromAddress(HTTPAdapter):
    """Connections from one loopback address (127.0.0.2 ...), seen by nginx as the client's."""

    def __init__(self, source):
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.source, 0), **kwargs)


class Visitor:
    """A browser without JavaScript: keeps cookies, sends the CSRF token, submits HTML forms.

    `behind_tls` visits as through the HTTPS load balancer README asks for: with
    `X-Forwarded-Proto: https` and https Origin and Referer, so that production's secure
    cookies and CSRF checks work over plain HTTP on the loopback. `origin` is where the
    site believes it is (behind nginx: its `$host`, without the port). `source` connects
    from that loopback address. Every answer's status and time go to `outcome`; a
    timeout is recorded as None and answered with None.
    """

    def __init__(
        self,
        base_url,
        *,
        behind_tls=True,
        origin=None,
        source=None,
        follow_redirects=False,
        timeout=30,
        outcome=None,
    ):
        self.base_url = base_url
        self.behind_tls = behind_tls
        scheme = "https" if behind_tls else "http"
        self.origin = origin or f"{scheme}://{urllib.parse.urlsplit(base_url).netloc}"
        self.follow_redirects = follow_redirects
        self.timeout = timeout
        self.outcome = outcome if outcome is not None else Outcome()
        self.session = BehindTLSSession()
        if source is not None:
            self.session.mount("http://", FromAddress(source))

    def request(self, method, path, data=None):
        url = urllib.parse.urljoin(self.base_url, path)
        split = urllib.parse.urlsplit(url)
        headers = {"Origin": self.origin, "Referer": self.origin + split.path}
        if self.behind_tls:
            headers["X-Forwarded-Proto"] = "https"
        started = time.monotonic()
        try:
            response = self.session.request(
                method,
                url,
                data=data,
                headers=headers,
                timeout=self.timeout,
                allow_redirects=self.follow_redirects,
            )
        except requests.Timeout:
            self.outcome.record(None, time.monotonic() - started)
            return None
        self.outcome.record(response.status_code, time.monotonic() - started)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def csrf_token(self):
        return self.session.cookies.get("csrftoken")

    def post_form(self, path, data, form_path=None):
        """Post `data` with the CSRF token, opening `form_path` first when none is known yet.

        The token lasts for the visit (Django renews it at login), so a flood of posts is
        only posts, spread by the load balancer like any other requests.
        """
        if self.csrf_token() is None and form_path is not None:
            self.get(form_path)
        return self.post(path, {"csrfmiddlewaretoken": self.csrf_token() or "", **data})

    def submit(self, path, changes, form_selector="form[method=post i]"):
        """Open `path`, fill its form's fields as the page shows them, change some, send it."""
        page = self.get(path)
        form = soup(page).select_one(form_selector)
        if form is None:
            raise AssertionError(f"no form {form_selector!r} at {path} ({page.status_code})")
        data = form_values(form)
        data.update(changes)
        return self.post(urllib.parse.urljoin(page.url, form.get("action") or page.url), data)

    def log_in(self, username, password, login_path="/admin/login/"):
        answer = self.submit(login_path, {"username": username, "password": password})
        if "/login/" in answer.url:
            raise AssertionError(f"could not log in as {username} ({answer.status_code})")
        return answer


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def form_values(form):
    """What a browser would send for this form as displayed, before anyone types."""
    data = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if element.name == "textarea":
            data[name] = element.text
        elif element.name == "select":
            chosen = element.select("option[selected]") or element.select("option")[:1]
            if chosen:
                data[name] = [option.get("value", option.text) for option in chosen]
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file", "image"):
            data[name] = element.get("value", "")
    return data


class _ReceivingHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 sink")
            elif verb == "DATA":
                self.reply("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in {b".\r\n", b""}:
                    data += chunk
                self.server.messages.append(message_from_bytes(data, policy=policy.default))
                self.reply("250 stored")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class _HungHandler(socketserver.BaseRequestHandler):
    """Accepts the connection and says nothing until the test ends."""

    def handle(self):
        self.server.stopping.wait()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class LoopbackSmtp:
    """A mail server on 127.0.0.1 in a thread; `messages` holds what it received."""

    def __init__(self, hung=False, port=0):
        self.server = _Server(("127.0.0.1", port), _HungHandler if hung else _ReceivingHandler)
        self.server.messages = []
        self.server.stopping = threading.Event()
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def messages(self):
        return self.server.messages

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()
