"""A scratch copy of the site for the benchmarks: its database, media and static files under
var/bench/, built for one catalogue size and served by gunicorn as in production.

Never touches db.sqlite3, media/ or static/: every path comes from the environment that
`environment()` returns, which the settings read (DATABASE_URL, MEDIA_ROOT, STATIC_ROOT...).
"""

import http.client
import http.cookies
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "var" / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
# One key per run of a script: the server and the script that prepares sessions share it.
SECRET_KEY = secrets.token_urlsafe(50)


def folder(name):
    return BENCH / name


def environment(name, database_url=None):
    """Production settings pointed at var/bench/<name>, HTTPS redirects and POST limits off.

    Every client of a benchmark comes from 127.0.0.1, so the per-address POST limit is
    raised; plain HTTP on the loopback, so no redirect to HTTPS and no HSTS.
    """
    place = folder(name)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": database_url or f"sqlite:///{place / 'db.sqlite3'}",
        "MEDIA_ROOT": str(place / "media"),
        "PRIVATE_MEDIA_ROOT": str(place / "private-media"),
        "STATIC_ROOT": str(BENCH / "static"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SHOP_POSTS_PER_MINUTE": "1000000",
        "LOG_LEVEL": "WARNING",
        # The figures were measured with each worker's own cache; benchmarks record no
        # consent change, the one thing a per-process cache gets wrong (config.E001).
        "ALLOW_PER_PROCESS_CACHE": "true",
    }


def manage(env, *arguments, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def build(name, products, database_url=None, fresh=False):
    """Migrate, load the demo and grow it to `products`; kept between runs unless `fresh`.

    Returns the environment to use the site with.
    """
    place = folder(name)
    ready = place / "ready"
    env = environment(name, database_url)
    if ready.exists() and not fresh and database_url is None:
        return env
    shutil.rmtree(place, ignore_errors=True)
    place.mkdir(parents=True)
    started = time.perf_counter()
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "generate_catalogue", "--products", str(products), quiet=False)
    ready.write_text(str(products))
    print(f"  {name}: built in {time.perf_counter() - started:.0f} s", flush=True)
    return env


def collect_static(env):
    manage(env, "collectstatic", "--noinput", "--clear")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with 2 workers on a free loopback port, stopped when the block ends.

    `command` and `cwd` serve another site (bakerydemo, `bench/compare.py`) the same way.
    """

    def __init__(self, env, workers=2, log_name="gunicorn.log", command=None, cwd=ROOT):
        self.env = env
        self.workers = workers
        self.command = command or [GUNICORN, "config.wsgi"]
        self.cwd = cwd
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = BENCH / log_name
        self.process = None

    def __enter__(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [
                    *self.command,
                    "--workers",
                    str(self.workers),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--timeout",
                    "60",
                ],
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped: see {self.log}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5):  # noqa: S310
                    return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit(f"gunicorn did not answer within 60 s: see {self.log}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def setup_django(env):
    """Use the scratch site's settings in this process (once per process)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sample_pages():
    """{label: path} of one page of each public type, the same demo pages at every size."""
    from home.models import HomePage
    from impact.models import ImpactPage
    from shop.models import ProductIndexPage, ProductPage
    from stories.models import ArtisanIndexPage, ArtisanPage, StoryIndexPage, StoryPage

    french = {"locale__language_code": "fr"}
    demo_products = ProductPage.objects.live().filter(**french).exclude(slug__startswith="gen-")
    return {
        "home": HomePage.objects.get(**french).url,
        "story index": StoryIndexPage.objects.get(**french).url,
        "story": StoryPage.objects.live()
        .filter(**french)
        .exclude(slug__startswith="gen-")
        .order_by("-date")
        .first()
        .url,
        "artisan index": ArtisanIndexPage.objects.get(**french).url,
        "artisan": ArtisanPage.objects.live()
        .filter(**french, products__isnull=False)
        .exclude(slug__startswith="gen-")
        .order_by("path")
        .first()
        .url,
        "product index": ProductIndexPage.objects.get(**french).url,
        "product": demo_products.filter(stock__gt=1).order_by("path").first().url,
        "search": "/fr/search/?q=tabouret",
        "impact": ImpactPage.objects.live().get(**french).url,
    }


def cart_products(count=3):
    """Ids of demo products with several pieces in stock, to fill a cart."""
    from shop.models import ProductPage

    return list(
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gt=2)
        .exclude(slug__startswith="gen-")
        .order_by("path")
        .values_list("pk", flat=True)[:count]
    )


class Visitor:
    """One browser: its own cookies, plain HTTP/1.1 to the scratch server, no redirects followed.

    Cookies are kept by hand: the production settings mark them Secure, which a cookie jar
    would not send back over the loopback's plain HTTP.
    """

    TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def __init__(self, base, timeout=30):
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
        self.base = base
        self.cookies = {}

    def request(self, method, path, fields=None, headers=None):
        """(status, headers, body text) of one request."""
        headers = {"User-Agent": "Mozilla/5.0 (bench)", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a new connection
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        if response.headers.get("Connection", "").lower() == "close":
            self.connection.close()
        return response.status, response.headers, content

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, token):
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **fields})

    @classmethod
    def token_in(cls, body):
        found = cls.TOKEN.search(body.decode(errors="replace"))
        return found.group(1) if found else None

    def close(self):
        self.connection.close()
