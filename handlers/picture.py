"""The picture of the week: who met whom, as a network a person reads at a glance.

`meeting_network` decides what is drawn (pure, tested); `meeting_network_png` draws it.
Matplotlib is imported inside the drawing function: it takes a second to import and most
processes (the console, most commands) never draw.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from diplowatch import countries
from diplowatch.records import Meeting

# Discord shows image previews about 1200 px wide: draw at that size so nothing is scaled down.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 800, 100
# Beyond this many countries the labels overlap; the rest are named in the subtitle count.
MAX_NODES = 24


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    label: str
    meetings: int  # how many of the drawn meetings the country took part in


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    status: str  # "held" or "planned": drawn as two lines when a pair has both
    count: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]  # most active first
    edges: tuple[Edge, ...]
    left_out: int = 0  # countries not drawn (beyond MAX_NODES)
    focus: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(node.label for node in self.nodes)


def country_name(code: str) -> str:
    country = countries.by_code(code)
    return country.name_en if country else code


def meeting_network(meetings: Iterable[Meeting], *, focus: str | None = None) -> Network:
    """Countries as nodes, meetings as edges between every two countries that took part.

    With a focus country, only its meetings are kept (its neighbourhood).
    """
    meetings = [m for m in meetings if not focus or focus in m.countries]
    activity: Counter[str] = Counter()
    pairs: Counter[tuple[str, str, str]] = Counter()
    for meeting in meetings:
        present = sorted(meeting.countries)
        activity.update(present)
        for a, b in combinations(present, 2):
            pairs[(a, b, meeting.status)] += 1
    ranked = sorted(activity, key=lambda c: (c != focus, -activity[c], country_name(c)))
    kept = ranked[:MAX_NODES]
    shown = set(kept)
    nodes = tuple(Node(code, country_name(code), activity[code]) for code in kept)
    edges = tuple(
        Edge(a, b, status, count)
        for (a, b, status), count in sorted(pairs.items())
        if a in shown and b in shown
    )
    return Network(nodes, edges, left_out=len(ranked) - len(kept), focus=focus)


def _layout(network: Network) -> dict[str, tuple[float, float]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(node.code for node in network.nodes)
    for edge in network.edges:
        weight = graph.get_edge_data(edge.a, edge.b, {}).get("weight", 0) + edge.count
        graph.add_edge(edge.a, edge.b, weight=weight)
    codes = [node.code for node in network.nodes]
    if len(codes) == 1:
        return {codes[0]: (0.0, 0.0)}
    if network.focus in graph:
        # The asked-for country in the middle, its partners around it, most active first.
        others = [c for c in codes if c != network.focus]
        ring = nx.circular_layout(others) if len(others) > 1 else {others[0]: (1.0, 0.0)}
        return {network.focus: (0.0, 0.0), **{c: tuple(ring[c]) for c in others}}
    if len(codes) <= 3:
        return {c: tuple(p) for c, p in nx.circular_layout(codes).items()}
    # A fixed seed: the same week gives the same picture.
    k = 2.2 / math.sqrt(len(codes))
    return {c: tuple(p) for c, p in nx.spring_layout(graph, k=k, seed=7, iterations=200).items()}


def meeting_network_png(meetings: Iterable[Meeting], *, title: str, focus: str | None = None) -> bytes:
    """A PNG of the meeting network, about 1200×800 px, readable at Discord's preview size."""
    network = meeting_network(meetings, focus=focus)
    return draw_network(network, title=title)


def draw_network(network: Network, *, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    # A Figure, not pyplot: no global state, safe from the worker threads.
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.86))
    ax.set_axis_off()
    font = {"family": "DejaVu Sans"}  # has the accented letters of French names
    subtitle = _subtitle(network)
    fig.text(0.5, 0.95, title, ha="center", va="center", fontsize=24, fontweight="bold", **font)
    fig.text(0.5, 0.905, subtitle, ha="center", va="center", fontsize=15, color="#444444", **font)

    if not network.nodes:
        ax.text(0.5, 0.5, "No meeting with a known country in this period", ha="center", va="center",
                fontsize=20, color="#666666", transform=ax.transAxes, **font)
        return _png(fig)

    pos = _layout(network)
    both = {(e.a, e.b) for e in network.edges if e.status == "planned"} & {
        (e.a, e.b) for e in network.edges if e.status == "held"
    }
    for edge in network.edges:
        (x1, y1), (x2, y2) = pos[edge.a], pos[edge.b]
        if (edge.a, edge.b) in both:
            # Held and planned meetings of one pair: two parallel lines, not one on the other.
            dx, dy = y2 - y1, x1 - x2
            norm = math.hypot(dx, dy) or 1.0
            shift = 0.018 * (1 if edge.status == "held" else -1)
            x1, x2 = x1 + dx / norm * shift, x2 + dx / norm * shift
            y1, y2 = y1 + dy / norm * shift, y2 + dy / norm * shift
        width = min(3.0 + 2.5 * (edge.count - 1), 12.0)
        style = (0, (4, 3)) if edge.status == "planned" else "solid"
        color = "#d9822b" if edge.status == "planned" else "#3b6ea5"
        ax.plot([x1, x2], [y1, y2], linestyle=style, linewidth=width, color=color, alpha=0.8,
                zorder=1, solid_capstyle="round")
        if edge.count > 1:
            ax.text((x1 + x2) / 2, (y1 + y2) / 2, str(edge.count), fontsize=13, ha="center",
                    va="center", zorder=3, color=color, fontweight="bold",
                    bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": color, "lw": 1}, **font)

    most = max(node.meetings for node in network.nodes)
    for node in network.nodes:
        x, y = pos[node.code]
        size = 300 + 2200 * node.meetings / most
        colour = "#c0392b" if node.code == network.focus else "#5b8fc9"
        ax.scatter([x], [y], s=size, color=colour, edgecolors="white", linewidths=2, zorder=2)
        ax.annotate(
            f"{node.label} ({node.meetings})", (x, y), xytext=(0, math.sqrt(size) / 2 + 6),
            textcoords="offset points", ha="center", va="bottom", fontsize=16, zorder=4,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}, **font,
        )
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    # Room around the outermost nodes for their labels.
    pad_x = max(0.35, (max(xs) - min(xs)) * 0.15)
    pad_y = max(0.25, (max(ys) - min(ys)) * 0.12)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y * 1.6)
    ax.legend(
        handles=[
            Line2D([], [], color="#3b6ea5", lw=3, label="held"),
            Line2D([], [], color="#d9822b", lw=3, linestyle=(0, (4, 3)), label="planned"),
        ],
        loc="lower right", fontsize=14, frameon=False, prop={"family": "DejaVu Sans", "size": 14},
    )
    return _png(fig)


def _subtitle(network: Network) -> str:
    held = sum(e.count for e in network.edges if e.status == "held")
    planned = sum(e.count for e in network.edges if e.status == "planned")
    parts = [f"{len(network.nodes)} countries", f"{held} held and {planned} planned links"]
    if network.left_out:
        parts.append(f"{network.left_out} less active countries not shown")
    return " · ".join(parts) + " · node size: meetings"


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
