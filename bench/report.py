"""The benchmark's table and the issue's targets, as text."""

from dataclasses import dataclass, replace

from .load import LoadResult

HOME = "Startsida"
NEWS_INDEX = "Nyheter"
FORUM_INDEX = "Forum"
FORUM_PAGE = "Forumsida"
TOPIC = "Lång tråd"
SHORT_TOPIC = "Kort tråd"
SEARCH = "Sök"
CEILING = "Minimal vy"
BARE = "Bar Django-vy"
# Where a row was measured: the site without and with the page cache, without any cache (neither
# the page cache nor the content cache), a logged-in member on the site, the plain-machina reference
# (anonymous and member) and the bare Django view.
COLD = "kall"
RAW = "rå"
WARM = "varm"
MEMBER = "medlem"
MACHINA = "machina"
MACHINA_MEMBER = "machina medlem"
BARE_MODE = "bar"
FORUM_PAGES = (FORUM_INDEX, FORUM_PAGE, TOPIC)
COLUMNS = ["sida", "läge", "samt.", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "DB ms/req", "SQL/req", "fel"]


@dataclass
class Row:
    page: str
    mode: str
    connections: int
    load: LoadResult
    cpu_seconds: float
    cpu_requests: int
    queries: int | None
    database_ms: float | None = None

    @property
    def cpu_ms_per_request(self):
        return self.cpu_seconds * 1e3 / self.cpu_requests if self.cpu_requests else None


def compared_with_bare(page, mode):
    """Whether a row's figures are compared with the bare view's: the bare view itself, the minimal
    view and the pages served from the page cache."""
    return mode in (BARE_MODE, WARM) or page == CEILING


def median_row(rows):
    """One row for a page measured in several rounds: the load of the round with the median req/s,
    the CPU of the round with the median CPU per request."""
    by_load = sorted(rows, key=lambda row: row.load.per_second)[len(rows) // 2]
    by_cpu = sorted(rows, key=lambda row: row.cpu_ms_per_request or 0)[len(rows) // 2]
    return replace(by_load, cpu_seconds=by_cpu.cpu_seconds, cpu_requests=by_cpu.cpu_requests)


def format_table(rows):
    cells = [
        [
            row.page,
            row.mode,
            str(row.connections),
            f"{row.load.per_second:.1f}",
            f"{row.load.p50_ms:.1f}" if row.load.requests else "–",
            f"{row.load.p99_ms:.1f}" if row.load.requests else "–",
            "–" if row.cpu_ms_per_request is None else f"{row.cpu_ms_per_request:.2f}",
            "–" if row.database_ms is None else f"{row.database_ms:.2f}",
            "–" if row.queries is None else str(row.queries),
            str(row.load.failures),
        ]
        for row in rows
    ]
    widths = [max(len(line[index]) for line in [COLUMNS, *cells]) for index in range(len(COLUMNS))]

    def line(values):
        # Names to the left, figures to the right.
        return "  ".join(
            value.ljust(width) if index < 2 else value.rjust(width)
            for index, (value, width) in enumerate(zip(values, widths, strict=True))
        )

    return "\n".join([line(COLUMNS), "  ".join("-" * width for width in widths), *map(line, cells)])


@dataclass
class Check:
    label: str
    value: float | None
    limit: float
    unit: str = ""
    at_most: bool = True

    def line(self):
        if self.value is None:
            return f"{self.label}: inte mätt"
        met = self.value <= self.limit if self.at_most else self.value >= self.limit
        sign = "≤" if self.at_most else "≥"
        verdict = "uppfyllt" if met else f"missat med {abs(self.value - self.limit):.2f}{self.unit}"
        return f"{self.label}: {self.value:.2f}{self.unit} (mål {sign} {self.limit}{self.unit}): {verdict}"


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def target_lines(rows, vendor):
    """The issue's targets, each met or missed and by how much; nothing here fails a run. Ratios
    compare rows of the same run, so that a busy machine slows both sides alike."""
    found = {(row.page, row.mode, row.connections): row for row in rows}

    def row(page, mode, connections=None):
        matches = [found_row for key, found_row in found.items() if key[:2] == (page, mode)]
        if connections is not None:
            matches = [found_row for found_row in matches if found_row.connections == connections]
        return matches[0] if matches else None

    def cpu(page, mode):
        measured = row(page, mode)
        return measured.cpu_ms_per_request if measured else None

    def queries(page, mode):
        measured = row(page, mode)
        return measured.queries if measured else None

    checks = []
    for page in FORUM_PAGES:
        for mode, reference, limit in ((COLD, MACHINA, 0.5), (MEMBER, MACHINA_MEMBER, 0.7)):
            label = f"{page} ({'anonym, utan sidcache' if mode == COLD else 'medlem'}), CPU mot ren machina"
            checks.append(Check(label, ratio(cpu(page, mode), cpu(page, reference)), limit, "×"))
    long_topic, short_topic = queries(TOPIC, MEMBER), queries(SHORT_TOPIC, MEMBER)
    checks.append(Check("Medlems trådsida, SQL-frågor (lång tråd)", long_topic, 20))
    if long_topic is not None and short_topic is not None:
        checks.append(Check("Medlems trådsida, SQL-frågor lång minus kort tråd", long_topic - short_topic, 0))
    where = "" if vendor == "postgresql" else f" (målet gäller PostgreSQL; detta är {vendor})"
    search = row(SEARCH, COLD, 4)
    checks.append(Check(f"Sök utan cache, p50 vid 4 samtidiga{where}", search and search.load.p50_ms, 100, " ms"))
    checks.append(
        Check(f"Sök utan cache, req/s vid 4 samtidiga{where}", search and search.load.per_second, 30, " req/s", False)
    )
    cached_search = row(SEARCH, WARM)
    checks.append(
        Check("Upprepad anonym sökning ur cachen, p50", cached_search and cached_search.load.p50_ms, 20, " ms")
    )
    bare = row(BARE, BARE_MODE)
    cached = [found_row for found_row in rows if found_row.mode == WARM and found_row.page not in (CEILING, SEARCH)]
    if bare and cached:
        lowest = min(cached, key=lambda cached_row: cached_row.load.per_second)
        share = ratio(lowest.load.per_second, bare.load.per_second)
        checks.append(
            Check(
                f"Cachade anonyma sidor (lägst: {lowest.page}), andel av den bara vyns req/s",
                share and share * 100,
                70,
                " %",
                False,
            )
        )
    checks.append(
        Check(
            "Webbplatsens minimala vy, CPU mot bar Django-vy", ratio(cpu(CEILING, COLD), cpu(BARE, BARE_MODE)), 1.3, "×"
        )
    )
    checks.append(Check("Startsida utan cache, CPU per förfrågan", cpu(HOME, COLD), 8, " ms"))
    checks.append(Check("Startsida utan cache, SQL-frågor", queries(HOME, COLD), 15))
    checks.append(Check("Nyheter utan cache, CPU per förfrågan", cpu(NEWS_INDEX, COLD), 16, " ms"))
    lines = [check.line() for check in checks]
    # Not a target: what the forum pages cost with no cache at all, next to plain machina.
    for page in FORUM_PAGES:
        raw = ratio(cpu(page, RAW), cpu(page, MACHINA))
        if raw is not None:
            lines.append(f"{page} (anonym, ingen cache alls), CPU mot ren machina: {raw:.2f}× (upplysning)")
    return lines
