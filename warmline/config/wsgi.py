"""WSGI entry point, used by `warmline serve` (waitress) and any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

from warmline.config.home import prepare_home

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warmline.config.settings")
prepare_home()
application = get_wsgi_application()
