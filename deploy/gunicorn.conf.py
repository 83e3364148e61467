"""gunicorn for Arena Huddinge (deploy/Procfile, deploy/systemd/arena-web.service).

The app is imported once before forking (preload): a worker that crashes or is recycled is
replaced in milliseconds instead of importing the whole project again (~8 s). Three sync workers
for two cores; a request that takes longer than 30 s is a bug, and the proxy gives up at 60 s.
"""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows; jitter keeps them from restarting at once.
max_requests = 2000
max_requests_jitter = 200
# Several gunicorn on one machine must not share ~/.gunicorn/gunicorn.ctl.
control_socket_disable = True

# One line per request and per error, key=value like the app's own log (arena/log.py). The client
# address is the proxy's X-Forwarded-For; %(M)s is the time taken in milliseconds.
accesslog = "-"
errorlog = "-"
access_log_format = (
    'remote=%({x-forwarded-for}i)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s '
    'bytes=%(B)s duration_ms=%(M)s referer="%(f)s" agent="%(a)s"'
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "arena.log.OneLineFormatter"},
        # The access line is already key=value: only the time and the logger go in front.
        "access": {"format": "time=%(asctime)s logger=%(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stdout"},
        "access": {"class": "logging.StreamHandler", "formatter": "access", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
