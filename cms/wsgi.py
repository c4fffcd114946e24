import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Everything loaded at start (Django, Wagtail, the apps) lives as long as the worker: move
# it out of the cycle collector's reach, so the collections that big responses trigger
# (the directory's GeoJSON builds thousands of objects) do not walk it again and again.
gc.freeze()
