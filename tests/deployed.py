"""Real server processes for the tests that need them: gunicorn app servers, a worker, nginx.

Each process gets the environment it is given (settings come from the environment, as
deployed), a free loopback port, a log file, a readiness wait that fails with the log's
tail, and is stopped when its block ends, whatever happened inside.
"""

import contextlib
import http.client
import http.cookies
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settings_env(**overrides):
    """This process's environment without its Django settings, plus `overrides` (as strings)."""
    base = {
        name: value
        for name, value in os.environ.items()
        if name != "DJANGO_SETTINGS_MODULE" and not name.startswith("PYTEST")
    }
    return {**base, **{name: str(value) for name, value in overrides.items()}}


def log_tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class Process:
    """One command in the background with its log; `ready` says when it may be used."""

    def __init__(self, command, env, log, ready=None, timeout=90):
        self.command = [str(part) for part in command]
        self.env = env
        self.log = Path(log)
        self.ready = ready
        self.timeout = timeout
        self.process = None

    def __enter__(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own commands)
                self.command,
                cwd=ROOT,
                env={**self.env, "PYTHONUNBUFFERED": "1"},  # the log as it happens
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # stopped as a group: gunicorn's workers too
            )
        if self.ready is not None:
            self.wait_until(self.ready)
        return self

    def wait_until(self, condition):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.command[0]} stopped:\n{log_tail(self.log)}")
            if condition():
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"{self.command[0]} not ready in {self.timeout} s:\n{log_tail(self.log)}"
        )

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def __exit__(self, *exc_info):
        self.stop()


def answers_http(port, path="/", host="127.0.0.1"):
    """A condition for `Process`: the port answers HTTP at `path` with anything but a 5xx."""

    def condition():
        connection = http.client.HTTPConnection(host, port, timeout=5)
        try:
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            return connection.getresponse().status < 500
        except OSError:
            return False
        finally:
            connection.close()

    return condition


def manage(env, *arguments):
    """Run a manage.py command in the given environment; its output in the error if it fails."""
    result = subprocess.run(  # noqa: S603
        [BIN / "python", "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(arguments)}:\n{result.stdout}{result.stderr}")
    return result.stdout


def gunicorn(env, log, workers=1, port=None):
    """One app server as README deploys it (`gunicorn config.wsgi`) on a loopback port."""
    port = port or free_port()
    command = [
        BIN / "gunicorn",
        "config.wsgi",
        "--workers",
        workers,
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "60",
        "--access-logfile",
        "-",
    ]
    server = Process(command, env, log, ready=answers_http(port, "/fr/"))
    server.port = port
    return server


@contextlib.contextmanager
def app_servers(count, env, folder, workers=1):
    """`count` gunicorn servers sharing the same settings; yields their ports."""
    with contextlib.ExitStack() as stack:
        servers = [
            stack.enter_context(gunicorn(env, Path(folder) / f"gunicorn-{number}.log", workers))
            for number in range(count)
        ]
        yield [server.port for server in servers]


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
    return proxy


class Browser:
    """One visitor connecting from its own loopback address (127.0.0.2, 127.0.0.3 ...).

    Keeps cookies by hand (production marks them Secure, and the loopback is plain HTTP)
    and sends the Origin and Referer that Django's CSRF check wants from an HTTPS site.
    """

    TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def __init__(self, port, source, host="127.0.0.1", timeout=30):
        self.port, self.source, self.host, self.timeout = port, source, host, timeout
        self.cookies = {}
        self.token = None

    def request(self, method, path, fields=None):
        """(status, headers, body text) of one request; no redirect is followed."""
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout, source_address=(self.source, 0)
        )
        origin = f"https://{self.host}"
        headers = {"Origin": origin, "Referer": f"{origin}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, form_path, action, fields):
        """Post `fields` to `action`, first opening `form_path` if no CSRF token is known yet.

        The token lasts for the visit (Django renews it at login), so a flood of posts is
        only posts, spread by the load balancer like any other requests.
        """
        if self.token is None:
            _status, _headers, page = self.get(form_path)
            found = self.TOKEN.search(page)
            self.token = found.group(1) if found else self.cookies.get("csrftoken", "")
        return self.request("POST", action, {"csrfmiddlewaretoken": self.token, **fields})
