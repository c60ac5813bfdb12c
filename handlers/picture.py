"""The picture of the meetings, made to be read at a glance in a Discord preview (1200 px wide).

Two kinds of picture, chosen by the data:

- a **network** (countries as circles, meetings as lines) when it is small enough for every
  label to sit apart and no circle to hide a line: at most NETWORK_MAX_COUNTRIES countries and
  NETWORK_MAX_PAIRS pairs, sparse (pairs <= countries + NETWORK_EXTRA_PAIRS), nothing left
  out, and the drawn layout passes the same checks as the tests (labels apart, circles off the
  lines they are not on). Otherwise
- a **chart**: the pairs (or groups, for a meeting of three or more) ranked by their meetings,
  held and planned, next to the most active countries. A busy week reads better that way: an
  analyst sees who met whom and how many times without following lines.

What is drawn is decided by pure functions (`meeting_network`, `meeting_chart`, `plan_picture`);
every number a user reads comes from one `Counts` (`meeting_counts`), which the callers reuse
for their own text so that text and picture never disagree. Meetings are counted as items,
never as links: a meeting of three countries is one meeting.

Items are duck-typed: anything with `countries` (ISO codes) and `status` ("held"/"planned"),
like `diplowatch.records.Meeting` or a de-duplicated event. Matplotlib and networkx are
imported inside the drawing functions: they take a second to import and most processes never draw.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal, Protocol

from diplowatch import countries

# Discord shows image previews about 1200 px wide: draw at that size so nothing is scaled down.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 800, 100
# A network is drawn only this small; anything bigger is a chart of ranked pairs.
NETWORK_MAX_COUNTRIES = 10
NETWORK_MAX_PAIRS = 12
NETWORK_EXTRA_PAIRS = 2  # and at most this many pairs more than countries (sparse)
# meeting_network() keeps the pairs with the most meetings (top edges, not top nodes).
MAX_PAIRS = 12
# Rows of the chart (pairs or groups on the left, countries on the right).
MAX_ROWS = 16

HELD_COLOUR, PLANNED_COLOUR, PLANNED_FILL = "#2f6db5", "#d9822b", "#f6d3ae"
NODE_COLOUR, FOCUS_COLOUR, INK, GREY = "#7fa7d6", "#c0392b", "#222222", "#555555"
FONT = "DejaVu Sans"  # has the accented letters of French names

Kind = Literal["network", "chart", "empty"]


class Item(Protocol):
    """What the picture reads of a meeting (or of a de-duplicated event)."""

    @property
    def countries(self) -> frozenset[str]: ...

    status: str


def country_name(code: str) -> str:
    country = countries.by_code(code)
    return country.name_en if country else code


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 country', '2 countries', '0 meetings'."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


# -- what a user reads -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """Every number of a picture, for its subtitle and notes and for the caller's own text.

    meetings = shown + partner_unknown + no_country + left_out.
    """

    meetings: int  # items given (with a focus: those the focus took part in)
    held: int
    planned: int
    countries: int  # identified countries taking part; with a focus, its partners (focus not counted)
    shown: int  # meetings drawn as a line or a bar
    partner_unknown: int  # meetings with a single identified country: named in a note
    no_country: int  # meetings without any identified country: counted, not drawn
    left_out: int  # meetings between identified countries the picture has no room for
    countries_drawn: int  # countries on a drawn line or bar (with a focus: its partners)
    focus: str | None = None

    @property
    def headline(self) -> str:
        """'9 meetings, 8 held and 1 planned, with 7 countries': the picture's subtitle."""
        if self.countries:
            who = "with " + plural(self.countries, "country", "countries")
        else:
            who = "with no identified partner" if self.focus else "with no identified country"
        return f"{plural(self.meetings, 'meeting')}, {self.held} held and {self.planned} planned, {who}"

    @property
    def notes(self) -> tuple[str, ...]:
        """What the picture does not draw as a line or bar, in words (empty when all is drawn)."""
        notes = []
        if self.left_out:
            notes.append(f"{plural(self.left_out, 'meeting')} of less active pairs not drawn")
        if self.partner_unknown:
            notes.append(f"{plural(self.partner_unknown, 'meeting')} with an unidentified partner")
        if self.no_country:
            notes.append(f"{plural(self.no_country, 'meeting')} with no identified country")
        return tuple(notes)

    @property
    def text(self) -> str:
        """The headline and the notes as one sentence, for a reply's summary."""
        return self.headline + "".join(f"; {note}" for note in self.notes) + "."


@dataclass(frozen=True, slots=True)
class _Tally:
    items: tuple  # the items counted (with a focus: the focus's)
    focus: str | None
    held: int
    activity: Counter  # country -> meetings it took part in
    held_by_country: Counter
    groups: dict  # frozenset of >= 2 countries -> (held, planned)
    alone: Counter  # country -> meetings where it is the only identified country
    no_country: int

    def counts(self, *, shown_groups: Iterable[frozenset[str]], drawn: Iterable[str]) -> Counts:
        shown_groups = set(shown_groups)
        shown = sum(sum(self.groups[g]) for g in shown_groups)
        together = sum(sum(v) for v in self.groups.values())
        present = set(self.activity) - {self.focus}
        return Counts(
            meetings=len(self.items), held=self.held, planned=len(self.items) - self.held,
            countries=len(present), shown=shown, partner_unknown=sum(self.alone.values()),
            no_country=self.no_country, left_out=together - shown,
            countries_drawn=len(set(drawn) - {self.focus}), focus=self.focus,
        )


def _tally(items: Iterable[Item], focus: str | None) -> _Tally:
    kept = tuple(m for m in items if not focus or focus in m.countries)
    activity: Counter[str] = Counter()
    held_by: Counter[str] = Counter()
    groups: dict[frozenset[str], list[int]] = {}
    alone: Counter[str] = Counter()
    none = held = 0
    for m in kept:
        present = frozenset(m.countries)
        is_held = m.status == "held"
        held += is_held
        activity.update(present)
        if is_held:
            held_by.update(present)
        if len(present) >= 2:
            groups.setdefault(present, [0, 0])[0 if is_held else 1] += 1
        elif present:
            alone.update(present)
        else:
            none += 1
    return _Tally(kept, focus, held, activity, held_by, {g: tuple(v) for g, v in groups.items()}, alone, none)


def meeting_counts(items: Iterable[Item], *, focus: str | None = None) -> Counts:
    """The counts of the picture `meeting_network_png(items, focus=focus)` draws (no drawing)."""
    return plan_picture(items, focus=focus).counts


def _rank(tally: _Tally):
    """Countries most active first (the focus first), ties by name."""
    return lambda c: (c != tally.focus, -tally.activity[c], country_name(c))


# -- the network: countries as circles, meetings as lines ------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    label: str
    meetings: int  # how many of the meetings the country took part in


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    status: str  # "held" or "planned": drawn as two lines when a pair has both
    count: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]  # most active first (the focus first); each is on an edge
    edges: tuple[Edge, ...]  # pairs with most meetings first, held before planned
    left_out: int = 0  # meetings none of whose pairs is drawn (the pairs with fewest meetings)
    focus: str | None = None
    partner_unknown: tuple[tuple[str, int], ...] = ()  # countries that met an unidentified partner
    counts: Counts | None = None
    kind: Kind = "network"

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(node.label for node in self.nodes)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple(dict.fromkeys((e.a, e.b) for e in self.edges))


def meeting_network(items: Iterable[Item], *, focus: str | None = None, max_pairs: int = MAX_PAIRS) -> Network:
    """Countries as nodes, meetings as edges between every two countries that took part.

    With a focus country, only its meetings are kept. Beyond `max_pairs` pairs, the pairs with
    the most meetings are kept (top edges, not top nodes) and a country is drawn only on a
    kept pair: no circle without a line. Countries whose only partner is unidentified are
    listed in `partner_unknown`, for a note.
    """
    tally = _tally(items, focus)
    pairs: Counter[tuple[str, str, str]] = Counter()
    for group, (held, planned) in tally.groups.items():
        for a, b in combinations(sorted(group), 2):
            pairs[(a, b, "held")] += held
            pairs[(a, b, "planned")] += planned
    totals: Counter[tuple[str, str]] = Counter()
    for (a, b, _status), n in pairs.items():
        totals[(a, b)] += n
    rank = _rank(tally)

    def pair_key(pair: tuple[str, str]):
        a, b = pair
        return (-totals[pair], focus not in pair, -pairs[(a, b, "held")], sorted((rank(a), rank(b))))

    kept = sorted((p for p in totals if totals[p]), key=pair_key)[:max_pairs]
    shown = {c for pair in kept for c in pair}
    nodes = tuple(Node(c, country_name(c), tally.activity[c]) for c in sorted(shown, key=rank))
    edges = tuple(
        Edge(a, b, status, pairs[(a, b, status)])
        for a, b in kept for status in ("held", "planned") if pairs[(a, b, status)]
    )
    kept_set = set(kept)
    shown_groups = [g for g in tally.groups if any(p in kept_set for p in combinations(sorted(g), 2))]
    counts = tally.counts(shown_groups=shown_groups, drawn=shown)
    alone = tuple((c, tally.alone[c]) for c in sorted(tally.alone, key=rank))
    return Network(nodes, edges, counts.left_out, focus, alone, counts)


# -- the chart: pairs and groups ranked by their meetings -----------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    codes: tuple[str, ...]  # the countries of the pair or group, most active first (focus excluded)
    held: int
    planned: int

    @property
    def total(self) -> int:
        return self.held + self.planned


@dataclass(frozen=True, slots=True)
class Chart:
    rows: tuple[Row, ...]  # pairs or groups shown, most meetings first
    more_rows: int  # pairs or groups not shown (their meetings are counts.left_out)
    active: tuple[Row, ...]  # countries by meetings (one code each), most active first
    more_active: int
    focus: str | None
    partner_unknown: tuple[tuple[str, int], ...]
    counts: Counts
    kind: Kind = "chart"


def meeting_chart(items: Iterable[Item], *, focus: str | None = None, max_rows: int = MAX_ROWS) -> Chart:
    """Each meeting between identified countries in one row: the row of exactly its countries.

    A meeting of three is one row "France · Germany · Poland", not three pairs, so the rows
    add up to the meetings. With a focus, rows name its partners ("with Germany").
    Beyond `max_rows`, the last row says how many more there are.
    """
    tally = _tally(items, focus)
    rank = _rank(tally)

    def row_key(item):
        group, (held, planned) = item
        return (-(held + planned), -held, sorted(rank(c) for c in group))

    ranked = sorted(tally.groups.items(), key=row_key)
    fit = len(ranked) if len(ranked) <= max_rows else max_rows - 1
    shown = ranked[:fit]
    rows = tuple(
        Row(tuple(sorted(group - {focus}, key=rank)), held, planned) for group, (held, planned) in shown
    )
    codes = sorted((c for c in tally.activity if c != focus), key=rank)
    fit_active = len(codes) if len(codes) <= max_rows else max_rows - 1
    active = tuple(
        Row((c,), tally.held_by_country[c], tally.activity[c] - tally.held_by_country[c])
        for c in codes[:fit_active]
    )
    counts = tally.counts(shown_groups=[g for g, _ in shown], drawn={c for g, _ in shown for c in g})
    alone = tuple((c, tally.alone[c]) for c in sorted(tally.alone, key=rank))
    return Chart(rows, len(ranked) - fit, active, len(codes) - fit_active, focus, alone, counts)


def plan_picture(items: Iterable[Item], *, focus: str | None = None, kind: Kind | None = None) -> Network | Chart:
    """What will be drawn: a network when small enough to be legible, a chart otherwise.

    A network is planned only when it leaves nothing out and the chart would not either, so
    the counts are the same whichever is finally drawn (a network that fails the drawn
    legibility check falls back to the chart).
    """
    items = tuple(items)
    if kind == "chart":
        return meeting_chart(items, focus=focus)
    network = meeting_network(items, focus=focus, max_pairs=NETWORK_MAX_PAIRS if kind is None else MAX_PAIRS)
    if kind == "network":
        return network
    if not network.nodes:
        return Network((), (), 0, focus, network.partner_unknown, network.counts, "empty")
    chart = meeting_chart(items, focus=focus)
    countries_n, pairs_n = len(network.nodes), len(network.pairs)
    # Small and sparse (about a tree, a few loops): beyond, lines cross and counts get lost.
    small = countries_n <= NETWORK_MAX_COUNTRIES and pairs_n <= countries_n + NETWORK_EXTRA_PAIRS
    return network if small and not network.left_out and not chart.more_rows else chart


# -- drawing -----------------------------------------------------------------------------------------


class Illegible(Exception):
    """The network cannot be laid out with every label apart and every circle off other lines."""


@dataclass(frozen=True, slots=True)
class Picture:
    png: bytes
    counts: Counts
    kind: Kind  # what was finally drawn


def draw_picture(items: Iterable[Item], *, title: str, focus: str | None = None, kind: Kind | None = None) -> Picture:
    """The PNG and the counts it shows: reuse `counts.headline` / `counts.text` in the reply."""
    fig, plan = meeting_figure(items, title=title, focus=focus, kind=kind)
    return Picture(_png(fig), plan.counts, plan.kind)


def meeting_network_png(meetings: Iterable[Item], *, title: str, focus: str | None = None) -> bytes:
    """A PNG of the week's (or a country's) meetings, 1200×800 px, readable at Discord's preview size."""
    return draw_picture(meetings, title=title, focus=focus).png


def draw_network(network: Network, *, title: str) -> bytes:
    """A PNG of this network, drawn as a network even if it is not legible (for tests and tools)."""
    fig, ax, renderer = _canvas()
    _header(ax, renderer, title, network.counts.headline if network.counts else "")
    try:
        _draw_network(ax, renderer, network)
    except Illegible:
        pass
    return _png(fig)


def meeting_figure(items: Iterable[Item], *, title: str, focus: str | None = None, kind: Kind | None = None):
    """The matplotlib Figure and the plan it draws (tests read the drawn artists from it).

    kind=None chooses; "network" raises Illegible when the network cannot be made legible.
    """
    items = tuple(items)
    plan = plan_picture(items, focus=focus, kind=kind)
    if plan.kind == "network":
        fig, ax, renderer = _canvas()
        _header(ax, renderer, title, plan.counts.headline)
        try:
            _draw_network(ax, renderer, plan)
            return fig, plan
        except Illegible:
            if kind == "network":
                raise
        plan = meeting_chart(items, focus=focus)
    fig, ax, renderer = _canvas()
    _header(ax, renderer, title, plan.counts.headline)
    if plan.kind == "chart" and plan.rows:
        _draw_chart(ax, renderer, plan)
    else:
        _draw_empty(ax, renderer, plan)
    return fig, plan


def _canvas():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # A Figure, not pyplot: no global state, safe from the worker threads.
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    # One axes over the whole figure whose data units are pixels: positions and measured text
    # extents are in the same units, so the layout below can keep every label apart.
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH_PX)
    ax.set_ylim(0, HEIGHT_PX)
    ax.set_axis_off()
    return fig, ax, fig.canvas.get_renderer()


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


# Boxes are (x0, y0, x1, y1) in pixels, y upwards.
Box = tuple[float, float, float, float]


def _text(ax, x, y, s, *, size, ha="left", va="center", color=INK, weight="normal", **kw):
    return ax.text(x, y, s, fontsize=size, ha=ha, va=va, color=color, fontweight=weight,
                   family=FONT, **kw)


def _extent(text, renderer) -> tuple[float, float]:
    box = text.get_window_extent(renderer)
    return box.width, box.height


def _fit(text, renderer, width: float, *, smallest: float = 9) -> None:
    """Shrink a text until it fits in `width` pixels; cut it if even the smallest is too wide."""
    while _extent(text, renderer)[0] > width and text.get_fontsize() > smallest:
        text.set_fontsize(text.get_fontsize() - 1)
    while _extent(text, renderer)[0] > width and len(text.get_text()) > 2:
        text.set_text(text.get_text()[:-2].rstrip() + "…")


def _header(ax, renderer, title: str, subtitle: str) -> None:
    _fit(_text(ax, WIDTH_PX / 2, HEIGHT_PX - 32, title, size=22, ha="center", weight="bold"),
         renderer, WIDTH_PX - 40)
    _fit(_text(ax, WIDTH_PX / 2, HEIGHT_PX - 68, subtitle, size=15, ha="center", color=GREY, gid="counts"),
         renderer, WIDTH_PX - 40)


def _footer_line(ax, renderer, y: float, pieces: Sequence[tuple[str, object]], *, size: float = 12) -> None:
    """One line of legend and notes: ("held", sample) swatches and texts, side by side, centred."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    drawn, x = [], 0.0
    for kind, value in pieces:
        if kind == "text":
            t = _text(ax, x, y, value, size=size, color=GREY)
            drawn.append(("text", t, _extent(t, renderer)[0]))
        else:
            drawn.append((kind, value, 34))
    total = sum(w for _, _, w in drawn) + 8 * (len(drawn) - 1)
    if total > WIDTH_PX - 40:  # too long: smaller type, then the texts cut to fit
        texts = [t for kind, t, _ in drawn if kind == "text"]
        for t in texts:
            t.set_fontsize(size - 2)
        drawn = [(k, v, _extent(v, renderer)[0] if k == "text" else w) for k, v, w in drawn]
        total = sum(w for _, _, w in drawn) + 8 * (len(drawn) - 1)
        while total > WIDTH_PX - 40:
            k, t, w = max((d for d in drawn if d[0] == "text"), key=lambda d: d[2])
            t.set_text(t.get_text()[: max(4, int(len(t.get_text()) * 0.9))].rstrip(" ,·") + "…")
            drawn = [(k2, v, _extent(v, renderer)[0] if k2 == "text" else w2) for k2, v, w2 in drawn]
            total = sum(w2 for _, _, w2 in drawn) + 8 * (len(drawn) - 1)
    x = (WIDTH_PX - total) / 2
    for kind, value, width in drawn:
        if kind == "text":
            value.set_x(x)
        elif kind in ("held-line", "planned-line"):
            planned = kind == "planned-line"
            ax.add_line(Line2D([x + 2, x + 32], [y, y], lw=3, color=PLANNED_COLOUR if planned else HELD_COLOUR,
                               linestyle=(0, (3, 2)) if planned else "solid"))
        else:  # bar swatches
            planned = kind == "planned-bar"
            ax.add_patch(Rectangle((x + 4, y - 7), 26, 14, fc=PLANNED_FILL if planned else HELD_COLOUR,
                                   ec=PLANNED_COLOUR if planned else HELD_COLOUR, hatch="///" if planned else None,
                                   lw=1))
        x += width + 8


def _notes(plan: Network | Chart) -> list[str]:
    notes = []
    if plan.kind == "network" and plan.counts.left_out:  # a chart says it in its last row
        notes.append(f"Not drawn: {plural(plan.counts.left_out, 'meeting')} of less active pairs")
    if plan.partner_unknown:
        if plan.focus:
            n = sum(n for _, n in plan.partner_unknown)
            notes.append(f"{country_name(plan.focus)} also met an unidentified partner: {plural(n, 'meeting')}")
        else:
            notes.append("Partner not identified: " + ", ".join(f"{country_name(c)} {n}" for c, n in plan.partner_unknown))
    if plan.counts.no_country:
        notes.append(f"No identified country: {plural(plan.counts.no_country, 'meeting')}")
    return notes


def _draw_empty(ax, renderer, plan: Network) -> None:
    message = "No meeting in this period" if not plan.counts.meetings else "No meeting between two identified countries"
    _text(ax, WIDTH_PX / 2, HEIGHT_PX / 2, message, size=20, ha="center", color=GREY)
    notes = _notes(plan)
    if notes:
        _footer_line(ax, renderer, 30, [("text", " · ".join(notes))])


# -- drawing a chart -----------------------------------------------------------------------------------


def _row_label(row: Row, focus: str | None) -> list[str]:
    """Labels for a row, longest first: the caller takes the first that fits."""
    names, codes = [country_name(c) for c in row.codes], row.codes
    if focus:
        spelled = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        choices = ["with " + spelled, "with " + ", ".join(codes)]
        cut = 2
    else:
        sep = " – " if len(codes) == 2 else " · "
        choices = [sep.join(names), sep.join(codes)]
        cut = 3
    if len(codes) > cut:  # the last resort: the first codes and how many more
        choices.append(("with " if focus else "") + ", ".join(codes[:cut]) + f" +{len(codes) - cut}")
    return choices


def _count_label(held: int, planned: int) -> str:
    if held and planned:
        return f"{held} held · {planned} planned"
    return f"{held} held" if held else f"{planned} planned"


def _draw_rows(ax, renderer, rows: Sequence[Row], labels: Sequence[list[str]], counts: Sequence[str],
               more: str | None, *, x0: float, x1: float, top: float, bottom: float, gid: str) -> None:
    """Horizontal bars, one per row: label | held bar, planned bar | "3 held · 1 planned"."""
    from matplotlib.patches import Rectangle

    n = len(rows) + (1 if more else 0)
    step = min(36.0, (top - bottom) / max(n, 1))
    size = 13 if step >= 30 else 11
    gap = 8
    width = x1 - x0
    texts = []
    for choices in labels:
        t = _text(ax, 0, 0, choices[0], size=size, ha="right")
        for choice in choices[1:]:  # a long group: its codes
            if _extent(t, renderer)[0] <= 0.46 * width:
                break
            t.set_text(choice)
        _fit(t, renderer, 0.46 * width)
        texts.append(t)
    label_w = max(_extent(t, renderer)[0] for t in texts)
    count_texts = [_text(ax, 0, 0, c, size=size - 1, color=GREY) for c in counts]
    count_w = max(_extent(t, renderer)[0] for t in count_texts)
    bar_x = x0 + label_w + gap
    # At most 80 px a meeting: a bar of 1 is not a slab across the picture.
    unit = max(2.0, min(80.0, (x1 - bar_x - gap - count_w) / max(r.total for r in rows)))
    bar_h = min(22.0, step * 0.62)
    for i, (row, label, count) in enumerate(zip(rows, texts, count_texts, strict=True)):
        y = top - step * (i + 0.5)
        label.set_position((x0 + label_w, y))
        key = "-".join(row.codes)
        ax.add_patch(Rectangle((bar_x, y - bar_h / 2), unit * row.held, bar_h, fc=HELD_COLOUR, ec=HELD_COLOUR,
                               lw=0.5, gid=f"{gid}:{key}:held:{row.held}"))
        ax.add_patch(Rectangle((bar_x + unit * row.held, y - bar_h / 2), unit * row.planned, bar_h, fc=PLANNED_FILL,
                               ec=PLANNED_COLOUR, hatch="///", lw=0.8, gid=f"{gid}:{key}:planned:{row.planned}"))
        count.set_position((bar_x + unit * row.total + gap, y))
    if more:
        t = _text(ax, bar_x, top - step * (len(rows) + 0.5), more, size=size - 1, color=GREY, style="italic")
        _fit(t, renderer, x1 - bar_x)


def _draw_chart(ax, renderer, chart: Chart) -> None:
    from matplotlib.lines import Line2D

    top, bottom = HEIGHT_PX - 135, 90
    heading_y = HEIGHT_PX - 112
    groups = any(len(r.codes) > (1 if chart.focus else 2) for r in chart.rows)
    more_rows = None
    if chart.more_rows:
        more_rows = f"+ {plural(chart.more_rows, 'more pair')} ({plural(chart.counts.left_out, 'meeting')}), not drawn"
    if chart.focus:
        name = country_name(chart.focus)
        _text(ax, 20, heading_y, f"Whom {name} met · meetings per partner" + (" or group" if groups else ""),
              size=14, weight="bold")
        x0, x1 = 20, WIDTH_PX - 20
    else:
        _text(ax, 20, heading_y, "Who met whom · meetings per pair" + (" or group" if groups else ""),
              size=14, weight="bold")
        split = WIDTH_PX * 0.63
        x0, x1 = 20, split - 20
        _text(ax, split + 20, heading_y, "Most active countries · meetings", size=14, weight="bold")
        more_active = f"+ {plural(chart.more_active, 'more country', 'more countries')}" if chart.more_active else None
        _draw_rows(ax, renderer, chart.active, [[country_name(r.codes[0])] for r in chart.active],
                   [f"{r.total} ({r.planned} planned)" if r.planned else str(r.total) for r in chart.active],
                   more_active, x0=split + 20, x1=WIDTH_PX - 20, top=top, bottom=bottom, gid="country")
        ax.add_line(Line2D([split, split], [bottom, HEIGHT_PX - 100], color="#dddddd", lw=1))
    _draw_rows(ax, renderer, chart.rows, [_row_label(r, chart.focus) for r in chart.rows],
               [_count_label(r.held, r.planned) for r in chart.rows], more_rows,
               x0=x0, x1=x1, top=top, bottom=bottom, gid="row")
    legend: list[tuple[str, object]] = [("held-bar", None), ("text", "held"), ("planned-bar", None), ("text", "planned")]
    if groups:
        legend.append(("text", "· a meeting of three or more countries is one row"))
    _footer_line(ax, renderer, 58, legend)
    notes = _notes(chart)
    if notes:
        _footer_line(ax, renderer, 26, [("text", " · ".join(notes))])


# -- drawing a network ---------------------------------------------------------------------------------

# The area for circles and their labels, between the header and the footer.
PLOT: Box = (20.0, 90.0, WIDTH_PX - 20.0, HEIGHT_PX - 100.0)


def _px(points: float) -> float:
    return points * DPI / 72


def _line_width(count: int) -> float:
    """In points: thicker for more meetings, within reason."""
    return min(2.5 + 1.5 * (count - 1), 8.0)


def _components(network: Network) -> list[list[str]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.code for n in network.nodes)
    graph.add_edges_from((e.a, e.b) for e in network.edges)
    order = {n.code: i for i, n in enumerate(network.nodes)}
    comps = [sorted(c, key=order.__getitem__) for c in nx.connected_components(graph)]
    return sorted(comps, key=lambda c: (-len(c), order[c[0]]))


def _cells(sizes: Sequence[int], box: Box) -> list[Box]:
    """Cells for the components, apart from each other: rows of cells as wide as their weight."""
    x0, y0, x1, y1 = box
    rows_n = 1 if len(sizes) <= 3 else 2 if len(sizes) <= 8 else 3
    rows: list[list[int]] = [[] for _ in range(rows_n)]
    load = [0.0] * rows_n
    for i, size in enumerate(sizes):  # biggest first, each to the lightest row
        r = min(range(rows_n), key=lambda k: (load[k], k))
        rows[r].append(i)
        load[r] += size + 1
    rows = [r for r in rows if r]
    height = (y1 - y0) / len(rows)
    cells: list[Box] = [(0, 0, 0, 0)] * len(sizes)
    for r, members in enumerate(rows):
        weights = [sizes[i] + 1 for i in members]
        x = x0
        top = y1 - r * height
        for i, w in zip(members, weights, strict=True):
            width = (x1 - x0) * w / sum(weights)
            cells[i] = (x, top - height, x + width, top)
            x += width
    return cells


def _component_layout(network: Network, comp: list[str], cell: Box) -> dict[str, list[float]]:
    import networkx as nx

    x0, y0, x1, y1 = cell
    mx, my = min(110.0, (x1 - x0) * 0.2), min(45.0, (y1 - y0) * 0.18)
    if len(comp) == 2:
        raw = {comp[0]: (0.0, 0.5), comp[1]: (1.0, 0.5)}
    elif network.focus in comp:
        # The asked-for country in the middle, its partners around it, most active first.
        others = [c for c in comp if c != network.focus]
        raw = {network.focus: (0.5, 0.5)}
        for i, c in enumerate(others):
            angle = math.pi / 2 - 2 * math.pi * i / len(others) + math.pi / len(others)
            raw[c] = (0.5 + 0.5 * math.cos(angle), 0.5 + 0.5 * math.sin(angle))
    else:
        graph = nx.Graph()
        graph.add_nodes_from(comp)
        for e in network.edges:
            if e.a in graph:
                w = graph.get_edge_data(e.a, e.b, {}).get("weight", 0) + e.count
                graph.add_edge(e.a, e.b, weight=w)
        # A fixed seed: the same week gives the same picture.
        placed = nx.spring_layout(graph, k=1.6 / math.sqrt(len(comp)), seed=7, iterations=300, weight=None)
        raw = {c: (float(p[0]), float(p[1])) for c, p in placed.items()}
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]

    def scale(v, lo, hi, a, b):
        return (a + b) / 2 if hi - lo < 1e-9 else a + (v - lo) / (hi - lo) * (b - a)

    return {c: [scale(x, min(xs), max(xs), x0 + mx, x1 - mx), scale(y, min(ys), max(ys), y0 + my, y1 - my)]
            for c, (x, y) in raw.items()}


def _segment_distance(p, a, b) -> tuple[float, tuple[float, float]]:
    ax_, ay = a
    dx, dy = b[0] - ax_, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax_) * dx + (p[1] - ay) * dy) / length2))
    cx, cy = ax_ + t * dx, ay + t * dy
    return math.hypot(p[0] - cx, p[1] - cy), (cx, cy)


def _segment_hits_box(a, b, box: Box, pad: float = 0.0) -> bool:
    """Whether the segment a-b crosses the box (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def _boxes_meet(a: Box, b: Box, pad: float = 0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _circle_meets_box(centre, r: float, box: Box, pad: float = 0.0) -> bool:
    cx = min(max(centre[0], box[0]), box[2])
    cy = min(max(centre[1], box[1]), box[3])
    return math.hypot(centre[0] - cx, centre[1] - cy) < r + pad


def _inside(box: Box, area: Box) -> bool:
    return box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2] and box[3] <= area[3]


def _untangle(pos, radius, halves, cells, rounds: int = 120) -> bool:
    """Move circles off the lines they are not on, and apart from each other."""
    codes = list(pos)
    for _ in range(rounds):
        moved = False
        for n in codes:
            for (a, b), half in halves.items():
                if n in (a, b):
                    continue
                d, (cx, cy) = _segment_distance(pos[n], pos[a], pos[b])
                need = radius[n] + half + 10
                if d < need:
                    if d < 1e-6:  # on the line: move across it
                        ux, uy = pos[b][1] - pos[a][1], pos[a][0] - pos[b][0]
                        norm = math.hypot(ux, uy) or 1.0
                        ux, uy = ux / norm, uy / norm
                    else:
                        ux, uy = (pos[n][0] - cx) / d, (pos[n][1] - cy) / d
                    pos[n][0] += ux * (need - d + 2)
                    pos[n][1] += uy * (need - d + 2)
                    moved = True
            for m in codes:
                if m <= n:
                    continue
                d = math.hypot(pos[n][0] - pos[m][0], pos[n][1] - pos[m][1])
                need = radius[n] + radius[m] + 40
                if d < need:
                    ux, uy = ((pos[n][0] - pos[m][0]) / d, (pos[n][1] - pos[m][1]) / d) if d > 1e-6 else (1.0, 0.0)
                    shift = (need - d) / 2 + 1
                    pos[n][0] += ux * shift
                    pos[n][1] += uy * shift
                    pos[m][0] -= ux * shift
                    pos[m][1] -= uy * shift
                    moved = True
        for n in codes:  # each circle stays in its component's cell, clear of the edges of the plot
            x0, y0, x1, y1 = cells[n]
            pos[n][0] = min(max(pos[n][0], x0 + radius[n] + 4), x1 - radius[n] - 4)
            pos[n][1] = min(max(pos[n][1], y0 + radius[n] + 4), y1 - radius[n] - 4)
        if not moved:
            return True
    return False


def _edge_lines(network: Network, pos) -> list[tuple[Edge, tuple, tuple, float]]:
    """Each edge as a segment: a pair with held and planned meetings gets two parallel lines."""
    statuses: dict[tuple[str, str], list[Edge]] = {}
    for e in network.edges:
        statuses.setdefault((e.a, e.b), []).append(e)
    lines = []
    for (a, b), edges in statuses.items():
        (x1, y1), (x2, y2) = pos[a], pos[b]
        if len(edges) == 1:
            lines.append((edges[0], (x1, y1), (x2, y2), _px(_line_width(edges[0].count)) / 2))
            continue
        nx_, ny = y2 - y1, x1 - x2
        norm = math.hypot(nx_, ny) or 1.0
        nx_, ny = nx_ / norm, ny / norm
        offset = max(_px(_line_width(e.count)) for e in edges) / 2 + 1.5
        for e in edges:
            s = offset if e.status == "held" else -offset
            lines.append((e, (x1 + nx_ * s, y1 + ny * s), (x2 + nx_ * s, y2 + ny * s), _px(_line_width(e.count)) / 2))
    return lines


def _pair_label(edges: Sequence[Edge]) -> str | None:
    held = sum(e.count for e in edges if e.status == "held")
    planned = sum(e.count for e in edges if e.status == "planned")
    if held and planned:
        return f"{held} held · {planned} planned"
    if held + planned > 1:
        return str(held + planned)
    return None


class _Placer:
    """Where labels may go: inside the plot, off every placed label and every circle,
    crossing as few lines as can be."""

    def __init__(self, pos, radius, segments) -> None:
        self.pos, self.radius, self.segments = pos, radius, segments
        self.placed: list[Box] = []

    def free(self, box: Box, own: Sequence[str] = ()) -> bool:
        return (_inside(box, PLOT) and not any(_boxes_meet(box, other, 3) for other in self.placed)
                and not any(_circle_meets_box(self.pos[c], self.radius[c], box, 3) for c in self.pos if c not in own))

    def crossings(self, box: Box) -> int:
        return sum(_segment_hits_box(a, b, box, 2) for a, b in self.segments)

    def best(self, candidates):
        """The free candidate (box first) crossing fewest lines, earlier ones first among equals."""
        found = None
        for i, candidate in enumerate(candidates):
            if self.free(candidate[0]):
                score = self.crossings(candidate[0]) * 100 + i
                if found is None or score < found[0]:
                    found = (score, candidate)
        return None if found is None else found[1]


def _node_label_spots(x: float, y: float, r: float, w: float, h: float):
    for far in (0, 16, 40):
        d = r + 5 + far
        diag = d * 0.72
        for ha, va, cx, cy in (
            ("center", "bottom", x, y + d), ("center", "top", x, y - d),
            ("left", "center", x + d, y), ("right", "center", x - d, y),
            ("left", "bottom", x + diag, y + diag), ("right", "bottom", x - diag, y + diag),
            ("left", "top", x + diag, y - diag), ("right", "top", x - diag, y - diag),
        ):
            bx = cx if ha == "left" else cx - w if ha == "right" else cx - w / 2
            by = cy if va == "bottom" else cy - h if va == "top" else cy - h / 2
            yield (bx, by, bx + w, by + h), ha, va, cx, cy


def _label_nodes(ax, renderer, network: Network, placer: _Placer) -> None:
    """Each node's name beside its circle."""
    for node in network.nodes:
        x, y = placer.pos[node.code]
        t = _text(ax, x, y, f"{node.label} ({node.meetings})", size=14, zorder=4,
                  weight="bold" if node.code == network.focus else "normal")
        w, h = _extent(t, renderer)
        best = placer.best(list(_node_label_spots(x, y, placer.radius[node.code], w, h)))
        if best is None:
            raise Illegible(f"no room for the label of {node.label}")
        box, ha, va, cx, cy = best
        t.set_position((cx, cy))
        t.set_ha(ha)
        t.set_va(va)
        t.set_bbox({"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        placer.placed.append(box)


def _label_pairs(ax, renderer, pairs: dict[tuple[str, str], list[Edge]], placer: _Placer) -> None:
    """The count of each pair on its line."""
    for (a, b), edges in pairs.items():
        label = _pair_label(edges)
        if not label:
            continue
        (x1, y1), (x2, y2) = placer.pos[a], placer.pos[b]
        colour = GREY if len(edges) > 1 else PLANNED_COLOUR if edges[0].status == "planned" else HELD_COLOUR
        t = _text(ax, 0, 0, label, size=12, ha="center", color=colour, weight="bold", zorder=3)
        w, h = _extent(t, renderer)
        spots = []
        for frac in (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73):
            cx, cy = x1 + (x2 - x1) * frac, y1 + (y2 - y1) * frac
            spots.append(((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), cx, cy))
        best = placer.best(spots)
        if best is None:
            raise Illegible(f"no room for the count of {a}–{b}")
        box, cx, cy = best
        t.set_position((cx, cy))
        t.set_bbox({"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "lw": 1})
        placer.placed.append(box)


def _laid_out(network: Network):
    """Where each circle goes (components apart, circles off lines they are not on), its
    radius, and the pairs with their edges; raises Illegible when that cannot be done."""
    most = max(n.meetings for n in network.nodes)
    radius = {n.code: 9 + 13 * math.sqrt(n.meetings / most) for n in network.nodes}
    comps = _components(network)
    boxes = _cells([len(c) for c in comps], PLOT)
    pos: dict[str, list[float]] = {}
    cells: dict[str, Box] = {}
    for comp, cell in zip(comps, boxes, strict=True):
        pos.update(_component_layout(network, comp, cell))
        cells.update({c: cell for c in comp})
    pairs: dict[tuple[str, str], list[Edge]] = {}
    for e in network.edges:
        pairs.setdefault((e.a, e.b), []).append(e)
    halves = {p: max(_px(_line_width(e.count)) for e in es) * (1.0 if len(es) > 1 else 0.5) + (1.5 if len(es) > 1 else 0)
              for p, es in pairs.items()}
    if not _untangle(pos, radius, halves, cells):
        raise Illegible("a circle stays on a line it is not on")
    return pos, radius, pairs


def _draw_network(ax, renderer, network: Network) -> None:
    """Circles, lines and labels, placed so that no two labels meet and no circle sits on a
    line it is not on; raises Illegible when that cannot be done."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    if not network.nodes:
        raise Illegible("nothing to draw")
    pos, radius, pairs = _laid_out(network)
    lines = _edge_lines(network, pos)
    for edge, (x1, y1), (x2, y2), _half in lines:
        planned = edge.status == "planned"
        ax.add_line(Line2D([x1, x2], [y1, y2], lw=_line_width(edge.count), color=PLANNED_COLOUR if planned else HELD_COLOUR,
                           linestyle=(0, (3, 2)) if planned else "solid", solid_capstyle="butt", zorder=1,
                           gid=f"edge:{edge.a}:{edge.b}:{edge.status}:{edge.count}"))
    for node in network.nodes:
        colour = FOCUS_COLOUR if node.code == network.focus else NODE_COLOUR
        ax.add_patch(Circle(tuple(pos[node.code]), radius[node.code], fc=colour, ec="white", lw=2, zorder=2,
                            gid=f"node:{node.code}:{node.meetings}"))
    placer = _Placer(pos, radius, [(a, b) for _e, a, b, _h in lines])
    _label_nodes(ax, renderer, network, placer)
    _label_pairs(ax, renderer, pairs, placer)

    legend: list[tuple[str, object]] = [("held-line", None), ("text", "held"), ("planned-line", None), ("text", "planned"),
                                        ("text", "· (n) meetings of the country · a number on a line: meetings of that pair")]
    _footer_line(ax, renderer, 58, legend)
    notes = _notes(network)
    if notes:
        _footer_line(ax, renderer, 26, [("text", " · ".join(notes))])
