"""Database time per request, measured from the app: every statement on the default connection
is timed (``execute_wrapper``) and the sum goes out in a response header that `make bench` reads.

PostgreSQL's own pg_stat_statements would need ``shared_preload_libraries`` on the server, which a
shared development server does not have; the wall time of each statement as the app waits for it
is what a request pays anyway (network round trip included). Only bench settings use this.

Only requests that carry ``REQUEST_HEADER`` are timed. The timing costs CPU of its own (a tenth of
the site's cheapest answer), which production never pays: the load runs and the answers whose CPU
is counted go without it, and `make bench` asks for the figures in answers of their own."""

import time

from django.db import connection

REQUEST_HEADER = "X-Bench-Timing"
HEADER = "X-Bench-Database-Ms"
QUERIES_HEADER = "X-Bench-Queries"
_META_KEY = "HTTP_" + REQUEST_HEADER.upper().replace("-", "_")


class StatementTimer:
    def __init__(self):
        self.seconds = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


class DatabaseTimeMiddleware:
    """Outermost, so that it times every middleware's statements as well as the view's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _META_KEY not in request.META:
            return self.get_response(request)
        timer = StatementTimer()
        with connection.execute_wrapper(timer):
            response = self.get_response(request)
        response[HEADER] = f"{timer.seconds * 1e3:.3f}"
        response[QUERIES_HEADER] = str(timer.count)
        return response
