"""The benchmark's table and the issue's targets, as text."""

from dataclasses import dataclass

from .load import LoadResult

HOME = "Startsida"
TOPIC = "Lång tråd"
SEARCH = "Sök"
CEILING = "Tak (minimal vy)"
COLD = "kall"
WARM = "varm"
COLUMNS = ["sida", "läge", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "SQL/req", "andel av taket", "fel"]


@dataclass
class Row:
    page: str
    mode: str
    load: LoadResult
    cpu_seconds: float
    cpu_requests: int
    queries: int | None
    ceiling_per_second: float = 0.0

    @property
    def cpu_ms_per_request(self):
        return self.cpu_seconds * 1e3 / self.cpu_requests if self.cpu_requests else None

    @property
    def share_of_ceiling(self):
        return self.load.per_second / self.ceiling_per_second if self.ceiling_per_second else 0.0


def format_table(rows):
    cells = [
        [
            row.page,
            row.mode,
            f"{row.load.per_second:.1f}",
            f"{row.load.p50_ms:.1f}" if row.load.requests else "–",
            f"{row.load.p99_ms:.1f}" if row.load.requests else "–",
            "–" if row.cpu_ms_per_request is None else f"{row.cpu_ms_per_request:.1f}",
            "–" if row.queries is None else str(row.queries),
            f"{row.share_of_ceiling:.0%}",
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


def target_lines(rows, vendor):
    """The issue's targets, each met or missed and by how much; nothing here fails a run."""
    found = {(row.page, row.mode): row for row in rows}
    checks = []
    if home := found.get((HOME, COLD)):
        checks.append(("Startsida utan cache, CPU per förfrågan", home.cpu_ms_per_request, 16, "ms", max))
        checks.append(("Startsida utan cache, SQL-frågor", home.queries, 15, "", max))
    if topic := found.get((TOPIC, COLD)):
        checks.append(("Tråd med 15 inlägg per sida, SQL-frågor", topic.queries, 20, "", max))
    if search := found.get((SEARCH, COLD)):
        where = "" if vendor == "postgresql" else f" (målet gäller PostgreSQL; detta är {vendor})"
        checks.append((f"Sökningen, CPU per förfrågan{where}", search.cpu_ms_per_request, 50, "ms", max))
    if cached := found.get((HOME, WARM)):
        checks.append(("Cachad anonym startsida, andel av takets req/s", cached.share_of_ceiling * 100, 50, "%", min))
    lines = []
    for label, value, limit, unit, bound in checks:
        if value is None:
            lines.append(f"{label}: inte mätt")
            continue
        met = value <= limit if bound is max else value >= limit
        sign = "≤" if bound is max else "≥"
        verdict = "uppfyllt" if met else f"missat med {abs(value - limit):.1f}{unit}"
        lines.append(f"{label}: {value:.1f}{unit} (mål {sign} {limit}{unit}): {verdict}")
    return lines
