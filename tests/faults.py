"""Real server processes for fault tests: Redis, gunicorn workers, a database of their own.

The fault tests (a Redis outage, a lock held on a row) must run against the processes
the README deploys, not Django's test client: a frozen socket or a worker stuck on a lock
only shows there. Each helper starts its process on a free loopback port and stops it,
even when the test fails.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import psycopg
import requests
from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
# Production settings, but plain HTTP on loopback and static files without a manifest.
SERVER_SETTINGS = "tests.server_settings"
# Debian's redis-server package; None when it is not installed.
REDIS_SERVER = shutil.which("redis-server")


def free_port():
    """A loopback port nobody listens on now (the kernel picks it)."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def _stop(process, grace=10):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class RedisServer:
    """A `redis-server` of the test's own, without persistence: stop, start, freeze, thaw."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        """Stop it for good (connections refused), as when the server crashes."""
        if self.process is not None:
            self.thaw()
            _stop(self.process)
            self.process = None

    def freeze(self):
        """SIGSTOP: connections still open, nothing ever answers, as with a hung server."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)


class AppServers:
    """`gunicorn config.wsgi` with N workers on a free port, with the given environment."""

    def __init__(self, environment, workers=2, timeout=30):
        self.port = free_port()
        self.environment = environment
        self.workers = workers
        self.timeout = timeout
        self.process = None
        self.output = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
            "SECRET_KEY": "fault-tests-only-" + "k" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SERVER_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **self.environment,
        }
        self.output = open(ROOT / "var" / f"gunicorn-{self.port}.log", "w+")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "config.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                str(self.timeout),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_serving()
        return self

    def _wait_until_serving(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log()}")
            try:
                requests.get(f"{self.url}/", timeout=5)
                return
            except requests.RequestException:
                time.sleep(0.3)
        raise TimeoutError(f"gunicorn not serving after {timeout} s:\n{self.log()}")

    def log(self):
        self.output.flush()
        return (ROOT / "var" / f"gunicorn-{self.port}.log").read_text()[-5000:]

    def stop(self):
        if self.process is not None:
            _stop(self.process)
            self.process = None
        if self.output is not None:
            self.output.close()
            Path(self.output.name).unlink(missing_ok=True)
            self.output = None


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


@contextmanager
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
