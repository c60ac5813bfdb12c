"""The picture of the meetings: what is drawn, that it reads at a glance, and that its counts
are the ones the callers print."""

from __future__ import annotations

import io
import math
import random
import warnings
from dataclasses import dataclass

import pytest
from PIL import Image

from diplowatch.records import Meeting, Participant
from handlers import picture


def met(*codes: str, status: str = "held", kind: str = "meeting", date: str = "2024-03-20") -> Meeting:
    return Meeting(tuple(Participant(f"P{c}", None, c) for c in codes), date=date, status=status, kind=kind)


WEEK = [
    met("KZ", "CN"),
    met("KZ", "CN"),
    met("KZ", "CN", status="planned"),
    met("FR", "CI"),
    met("FR", "AE", "DE"),  # multilateral: every two of them
    met("KZ", "RU", status="planned"),
    met("FR"),  # the other side not identified: a country, no link
    Meeting((Participant("Someone"),)),  # no country: not drawn
]

# A busy week: 25 countries, 40 meetings. Two hubs (Kazakhstan, France), a six-country summit,
# trilaterals, held and planned, calls, and countries whose partner was not identified.
BUSY_WEEK = [
    met("KZ", "CN"), met("KZ", "CN"), met("KZ", "CN", kind="call"), met("KZ", "CN", status="planned"),
    met("KZ", "RU"), met("KZ", "RU", status="planned"), met("KZ", "UZ"), met("KZ", "TR"),
    met("KZ", "FR"), met("CN", "RU"), met("CN", "US", kind="call"), met("CN", "BR"),
    met("CN", "KZ", "RU", "UZ", "KG", "TJ"),
    met("FR", "DE"), met("FR", "DE"), met("FR", "DE", status="planned"), met("FR", "DE", "PL"),
    met("FR", "CI"), met("FR", "SN"), met("FR", "MA", status="planned"), met("FR", "AE"),
    met("FR", "IN", status="planned"),
    met("US", "JP"), met("US", "KR"), met("US", "JP", "KR"), met("US", "UA", status="planned"),
    met("DE", "UA"), met("PL", "UA"), met("TR", "RU", kind="call"), met("TR", "AZ"),
    met("AE", "IN"), met("AE", "SA"), met("SA", "IN", status="planned"), met("JP", "IN"),
    met("EG", "SA"), met("EG", "AE"),
    met("BR"), met("ZA"), met("QA"),  # the other side not identified
    Meeting((Participant("Someone"),)),  # no country at all
]

# France, a hub: 15 partners, one of them twice and once planned, a trilateral, a call.
HUB_PARTNERS = ["DE", "IT", "ES", "GB", "US", "CN", "IN", "JP", "MA", "SN", "CI", "AE", "SA", "BR", "CA"]
HUB_WEEK = [met("FR", c) for c in HUB_PARTNERS] + [
    met("FR", "DE"), met("FR", "DE", status="planned"), met("FR", "IT", status="planned"),
    met("FR", "DE", "PL"), met("FR", "US", kind="call"), met("FR"),
    met("KZ", "CN"),  # not France's: not in its picture
]

# A small week: one hub with a few partners, a separate pair: a network, two components.
SMALL_WEEK = [
    met("KZ", "CN"), met("KZ", "CN"), met("KZ", "CN", status="planned"), met("KZ", "RU"),
    met("KZ", "RU", status="planned"), met("KZ", "UZ"), met("CN", "RU"), met("KZ", "TR"),
    met("FR", "DE"), met("FR", "DE"),
]


# -- reading the drawn figure --------------------------------------------------------------------


def drawn(fig):
    """Text boxes, circles and lines as they are on the rendered figure, in pixels."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, Rectangle
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    nodes, edges, bars = {}, [], []
    for artist in fig.findobj():
        gid = artist.get_gid() or ""
        if isinstance(artist, Circle) and gid.startswith("node:"):
            centre = artist.get_transform().transform(artist.center)
            edge = artist.get_transform().transform((artist.center[0] + artist.radius, artist.center[1]))
            nodes[gid.split(":")[1]] = (centre, edge[0] - centre[0])
        elif isinstance(artist, Line2D) and gid.startswith("edge:"):
            _, a, b, status, count = gid.split(":")
            (x1, y1), (x2, y2) = artist.get_transform().transform(artist.get_xydata())
            half = artist.get_linewidth() * fig.dpi / 72 / 2
            edges.append((a, b, status, int(count), (x1, y1), (x2, y2), half))
        elif isinstance(artist, Rectangle) and gid.startswith(("row:", "country:")):
            panel, key, status, count = gid.split(":")
            bars.append((panel, key, status, int(count)))
    return texts, nodes, edges, bars


def distance_to_segment(p, a, b) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def assert_legible(fig) -> None:
    texts, nodes, edges, _bars = drawn(fig)
    width, height = fig.bbox.width, fig.bbox.height
    for text, box in texts:
        assert 0 <= box.x0 and box.x1 <= width and 0 <= box.y0 and box.y1 <= height, f"{text!r} is cut off"
    for i, (text, box) in enumerate(texts):
        for other, other_box in texts[i + 1:]:
            assert not box.overlaps(other_box), f"{text!r} and {other!r} overlap"
    for code, ((x, y), r) in nodes.items():
        for a, b, status, _n, p1, p2, half in edges:
            if code not in (a, b):
                assert distance_to_segment((x, y), p1, p2) > r + half, f"{code} sits on the {status} line {a}–{b}"
        for text, box in texts:
            nearest = (min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1))
            assert math.dist((x, y), nearest) > r, f"{text!r} covers the circle of {code}"
    notes = " ".join(text for text, _ in texts)
    on_edges = {c for a, b, *_ in edges for c in (a, b)}
    for code in nodes:
        assert code in on_edges or picture.country_name(code) in notes, f"{code} has no line and no note"


def subtitle_of(fig) -> str:
    """The counts under the title, as drawn."""
    from matplotlib.text import Text

    [subtitle] = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "counts"]
    return subtitle


# -- what is drawn -----------------------------------------------------------------------------------


def test_the_network_has_the_countries_of_the_week_most_active_first():
    network = picture.meeting_network(WEEK)
    # Ties (China and France, 3 meetings each) in alphabetical order.
    assert network.labels == (
        "Kazakhstan", "China", "France", "Côte d'Ivoire", "Germany", "Russia", "United Arab Emirates",
    )
    assert {n.code: n.meetings for n in network.nodes}["KZ"] == 4
    assert {n.code: n.meetings for n in network.nodes}["FR"] == 3
    edges = {(e.a, e.b, e.status): e.count for e in network.edges}
    assert edges == {
        ("CN", "KZ", "held"): 2,
        ("CN", "KZ", "planned"): 1,
        ("CI", "FR", "held"): 1,
        ("AE", "DE", "held"): 1,
        ("AE", "FR", "held"): 1,
        ("DE", "FR", "held"): 1,
        ("KZ", "RU", "planned"): 1,
    }
    # France's meeting with an unidentified partner is told in a note, not drawn as a line.
    assert network.partner_unknown == (("FR", 1),)


def test_a_focus_keeps_only_that_countrys_meetings_and_puts_it_first():
    network = picture.meeting_network(WEEK, focus="FR")
    assert network.labels[0] == "France" and network.focus == "FR"
    assert set(network.labels) == {"France", "Côte d'Ivoire", "United Arab Emirates", "Germany"}
    assert all("KZ" not in (e.a, e.b) for e in network.edges)


def test_too_many_pairs_keep_the_pairs_with_most_meetings_not_the_busiest_countries():
    codes = ["DE", "IT", "ES", "PL", "PT", "NL", "BE", "AT", "CH", "SE", "NO", "FI", "DK",
             "IE", "GR", "CZ", "SK", "HU", "RO", "BG", "HR", "SI", "EE", "LV", "LT"]
    meetings = [met("FR", c) for c in codes]  # France, the busiest, meets 25 countries once
    meetings += [met("KZ", "CN")] * 3  # a quieter pair that met three times
    network = picture.meeting_network(meetings)
    assert len(network.pairs) == picture.MAX_PAIRS
    assert network.pairs[0] == ("CN", "KZ")  # kept first, though neither is the busiest country
    assert network.labels[0] == "France"
    assert network.left_out == len(codes) - (picture.MAX_PAIRS - 1)  # meetings, not countries
    shown = {n.code for n in network.nodes}
    assert all(e.a in shown and e.b in shown for e in network.edges)
    assert shown == {c for pair in network.pairs for c in pair}  # no circle without a line


def test_a_busy_week_is_a_chart_of_pairs_whose_rows_add_up_to_the_meetings():
    chart = picture.plan_picture(BUSY_WEEK)
    assert chart.kind == "chart"
    first = chart.rows[0]
    assert (first.codes, first.held, first.planned) == (("KZ", "CN"), 3, 1)
    summit = next(r for r in chart.rows if len(r.codes) == 6)
    assert summit.total == 1  # one meeting of six countries is one row, not fifteen pairs
    counts = chart.counts
    assert sum(r.total for r in chart.rows) == counts.shown
    assert counts.shown + counts.left_out + counts.partner_unknown + counts.no_country == counts.meetings == 40
    assert chart.more_rows and counts.left_out == chart.more_rows  # the left-out pairs met once each
    assert [r.codes[0] for r in chart.active[:3]] == ["FR", "KZ", "CN"]


def test_a_small_week_is_a_network_and_a_hub_is_a_chart_of_its_partners():
    assert picture.plan_picture(SMALL_WEEK).kind == "network"
    assert picture.plan_picture(WEEK[:2]).kind == "network"
    hub = picture.plan_picture(HUB_WEEK, focus="FR")
    assert hub.kind == "chart"
    assert hub.rows[0].codes == ("DE",) and (hub.rows[0].held, hub.rows[0].planned) == (2, 1)
    assert ("DE", "PL") in [r.codes for r in hub.rows]


# -- legible, read from the drawn figure ---------------------------------------------------------------


def test_a_busy_week_of_25_countries_and_40_meetings_is_legible():
    assert len({c for m in BUSY_WEEK for c in m.countries}) == 25 and len(BUSY_WEEK) == 40
    fig, plan = picture.meeting_figure(BUSY_WEEK, title="Meetings · Mon 18 Mar 2024 09:00 → Mon 25 Mar 2024 09:00")
    assert_legible(fig)
    texts = [text for text, _ in drawn(fig)[0]]
    assert "Kazakhstan – China" in texts and "3 held · 1 planned" in texts
    assert "KZ · CN · RU · UZ · KG · TJ" in texts  # six names do not fit: the summit by its codes
    # What is not drawn is said: the pairs left out, the unidentified partners.
    assert any(t.startswith(f"+ {plan.more_rows} more pairs ({plan.counts.left_out} meetings)") for t in texts)
    assert any("Partner not identified: Brazil 1, Qatar 1, South Africa 1" in t for t in texts)


def test_the_busy_week_cannot_be_forced_into_an_unreadable_network():
    # Drawn as a network, the busy week either reads or is refused: never a tangle.
    try:
        fig, _plan = picture.meeting_figure(BUSY_WEEK, title="Network", kind="network")
    except picture.Illegible:
        return
    assert_legible(fig)


def test_a_hub_country_with_15_partners_is_legible():
    fig, plan = picture.meeting_figure(HUB_WEEK, title="Meetings of France", focus="FR")
    assert_legible(fig)
    assert plan.counts.countries == 16  # 15 partners and Poland, France not counted
    texts = [text for text, _ in drawn(fig)[0]]
    assert "with Germany" in texts and "with Germany and Poland" in texts
    assert "France also met an unidentified partner: 1 meeting" in texts


def test_a_small_week_network_keeps_circles_off_lines_and_components_apart():
    fig, plan = picture.meeting_figure(SMALL_WEEK, title="Small week")
    assert plan.kind == "network"
    assert_legible(fig)
    texts, nodes, edges, _ = drawn(fig)
    assert set(nodes) == {"KZ", "CN", "RU", "UZ", "TR", "FR", "DE"}
    # France–Germany, a component of its own, lies apart from the Kazakhstan component.
    apart = [nodes[c][0] for c in ("FR", "DE")]
    central = [nodes[c][0] for c in ("KZ", "CN", "RU", "UZ", "TR")]
    left, right = min(p[0] for p in apart), max(p[0] for p in apart)
    low, high = min(p[1] for p in apart), max(p[1] for p in apart)
    assert all(not (left - 40 <= x <= right + 40 and low - 40 <= y <= high + 40) for x, y in central)
    assert "2 held · 1 planned" in [t for t, _ in texts]  # Kazakhstan–China, on its lines


def test_a_tiny_week_of_one_or_two_meetings_is_legible():
    for week in ([met("FR", "DE")], [met("FR", "DE"), met("KZ", "CN", status="planned")]):
        fig, plan = picture.meeting_figure(week, title="A quiet week")
        assert plan.kind == "network"
        assert_legible(fig)


@pytest.mark.parametrize("seed", range(6))
def test_random_weeks_are_legible_whatever_picture_is_chosen(seed):
    rng = random.Random(seed)
    codes = ["FR", "DE", "KZ", "CN", "RU", "US", "IN", "JP", "BR", "ZA", "AE", "SA", "TR", "PL", "UA", "EG"]
    pool = codes[: rng.randint(3, len(codes))]
    week = [met(*rng.sample(pool, rng.choice((1, 2, 2, 2, 2, 3))), status=rng.choice(("held", "held", "planned")))
            for _ in range(rng.randint(1, 30))]
    fig, plan = picture.meeting_figure(week, title=f"Random week {seed}", focus=rng.choice((None, None, pool[0])))
    assert_legible(fig)
    assert subtitle_of(fig) == plan.counts.headline


# -- counts: one source for the picture and the caller's text ------------------------------------------


def test_the_counts_are_what_the_chart_draws():
    fig, plan = picture.meeting_figure(BUSY_WEEK, title="Busy")
    counts = plan.counts
    assert subtitle_of(fig) == counts.headline == "40 meetings, 33 held and 7 planned, with 25 countries"
    _texts, _nodes, _edges, bars = drawn(fig)
    rows = [b for b in bars if b[0] == "row"]
    assert sum(n for *_, n in rows) == counts.shown
    assert sum(n for _p, _k, status, n in rows if status == "planned") == sum(r.planned for r in plan.rows)
    assert counts.countries_drawn == len({c for _p, key, *_ in rows for c in key.split("-")})
    assert counts == picture.meeting_counts(BUSY_WEEK)  # the same without drawing


def test_the_counts_are_what_the_network_draws():
    fig, plan = picture.meeting_figure(SMALL_WEEK, title="Small")
    counts = plan.counts
    _texts, nodes, edges, _bars = drawn(fig)
    assert counts.countries_drawn == counts.countries == len(nodes) == 7
    assert counts.shown == counts.meetings == 10 and not counts.notes
    # Lines count meetings: Kazakhstan–China is 2 held and 1 planned.
    assert sorted((a, b, s, n) for a, b, s, n, *_ in edges if {a, b} == {"KZ", "CN"}) == [
        ("CN", "KZ", "held", 2), ("CN", "KZ", "planned", 1)]
    assert subtitle_of(fig) == counts.headline


def test_one_country_is_singular_and_the_graph_text_agrees_with_its_picture():
    counts = picture.meeting_counts([met("FR", "DE")], focus="FR")
    assert counts.headline == "1 meeting, 1 held and 0 planned, with 1 country"
    # /graph used to say "9 held … with 7 countries" over a picture saying "8 countries · 8 held":
    # now both read the same Counts.
    week = [met("FR", c) for c in ("DE", "IT", "ES", "GB", "US", "CN", "IN")] + [met("FR", "DE"), met("FR", "IT", status="planned")]
    shown = picture.draw_picture(week, title="Meetings of France", focus="FR")
    assert shown.counts.headline == "9 meetings, 8 held and 1 planned, with 7 countries"
    fig, _ = picture.meeting_figure(week, title="Meetings of France", focus="FR")
    assert subtitle_of(fig) == shown.counts.headline
    assert shown.counts.text == "9 meetings, 8 held and 1 planned, with 7 countries."


def test_the_counts_say_what_is_not_drawn():
    counts = picture.meeting_counts(WEEK)
    assert counts.headline == "8 meetings, 6 held and 2 planned, with 7 countries"
    assert counts.notes == ("1 meeting with an unidentified partner", "1 meeting with no identified country")
    assert picture.meeting_counts([met("FR")], focus="FR").headline == (
        "1 meeting, 1 held and 0 planned, with no identified partner")


@dataclass(frozen=True)
class Event:
    """A de-duplicated event: the attributes the picture may rely on, and sources."""

    countries: frozenset[str]
    status: str = "held"
    kind: str = "meeting"
    date: str | None = None
    sources: int = 1


def test_events_without_participants_draw_like_meetings():
    events = [Event(m.countries, m.status, m.kind, m.date, sources=3) for m in BUSY_WEEK]
    assert picture.meeting_counts(events) == picture.meeting_counts(BUSY_WEEK)
    fig, _ = picture.meeting_figure(events, title="Events")
    assert_legible(fig)


# -- the PNG -------------------------------------------------------------------------------------------


def _image(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_png_is_a_preview_sized_image_with_accents_drawn():
    for week in (WEEK, BUSY_WEEK):
        with warnings.catch_warnings():
            # Matplotlib warns for every character its font cannot draw: none may be missing.
            warnings.simplefilter("error")
            data = picture.meeting_network_png(week, title="Réunions de la semaine — Émirats, Côte d'Ivoire")
        image = _image(data)
        assert image.format == "PNG" and image.size == (picture.WIDTH_PX, picture.HEIGHT_PX)
        # Not a blank canvas: nodes, edges and labels put many colours on it.
        assert len(image.convert("RGB").getcolors(maxcolors=100_000) or ()) > 50


def test_the_same_week_gives_the_same_picture():
    assert picture.meeting_network_png(SMALL_WEEK, title="t") == picture.meeting_network_png(SMALL_WEEK, title="t")


def test_a_missing_glyph_would_be_noticed():
    # The check above can fail: a character outside DejaVu Sans does warn.
    with pytest.warns(UserWarning, match="missing from font"):
        picture.draw_network(picture.meeting_network(WEEK), title="会谈")


def test_an_empty_week_still_draws_a_picture():
    image = _image(picture.meeting_network_png([], title="Quiet week"))
    assert image.size == (picture.WIDTH_PX, picture.HEIGHT_PX)
    fig, plan = picture.meeting_figure([met("FR"), Meeting(())], title="Nobody identified")
    assert plan.kind == "empty"
    assert_legible(fig)
    fig, _ = picture.meeting_figure([met("FR")], title="Asked for a chart", kind="chart")
    assert_legible(fig)


def test_a_very_long_title_is_shrunk_or_cut_never_cut_off_by_the_edge():
    fig, _ = picture.meeting_figure(SMALL_WEEK, title="Meetings of the week " * 12)
    assert_legible(fig)


def test_a_single_country_and_a_focus_draw():
    assert _image(picture.meeting_network_png([met("FR")], title="One")).size == (1200, 800)
    assert _image(picture.meeting_network_png(WEEK, title="Focus", focus="KZ")).size == (1200, 800)
