"""The site's WSGI application, serving MEDIA_ROOT under /media/ too: for benchmarks only.

In production pictures come from the object storage or the web server in front of
gunicorn, never from Django; a benchmark that loads pages in a browser (Lighthouse) needs
them from the same gunicorn. whitenoise looks for files at each request (`autorefresh`),
since renditions are drawn while the pages are first served.

    gunicorn --chdir bench media_wsgi   (with the scratch site's environment)
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whitenoise import WhiteNoise  # noqa: E402

from config.wsgi import application as site  # noqa: E402

application = WhiteNoise(site, autorefresh=True)
application.add_files(os.environ["MEDIA_ROOT"], prefix="media/")
