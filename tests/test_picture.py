"""The meeting network picture: what is drawn, and that it is a legible PNG."""

from __future__ import annotations

import io
import warnings

import pytest
from PIL import Image

from diplowatch.records import Meeting, Participant
from handlers import picture


def met(*codes: str, status: str = "held") -> Meeting:
    return Meeting(tuple(Participant(f"P{c}", None, c) for c in codes), status=status)


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


def test_a_focus_keeps_only_that_countrys_meetings_and_puts_it_first():
    network = picture.meeting_network(WEEK, focus="FR")
    assert network.labels[0] == "France" and network.focus == "FR"
    assert set(network.labels) == {"France", "Côte d'Ivoire", "United Arab Emirates", "Germany"}
    assert all("KZ" not in (e.a, e.b) for e in network.edges)


def test_too_many_countries_are_cut_to_the_most_active():
    codes = ["FR", "DE", "IT", "ES", "PL", "PT", "NL", "BE", "AT", "CH", "SE", "NO", "FI", "DK",
             "IE", "GR", "CZ", "SK", "HU", "RO", "BG", "HR", "SI", "EE", "LV", "LT"]
    meetings = [met("FR", c) for c in codes[1:]]
    network = picture.meeting_network(meetings)
    assert len(network.nodes) == picture.MAX_NODES
    assert network.left_out == len(codes) - picture.MAX_NODES
    assert network.labels[0] == "France"
    shown = {n.code for n in network.nodes}
    assert all(e.a in shown and e.b in shown for e in network.edges)


def _image(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_png_is_a_preview_sized_image_with_accents_drawn():
    with warnings.catch_warnings():
        # Matplotlib warns for every character its font cannot draw: none may be missing.
        warnings.simplefilter("error")
        data = picture.meeting_network_png(WEEK, title="Réunions de la semaine — Émirats, Côte d'Ivoire")
    image = _image(data)
    assert image.format == "PNG" and image.size == (picture.WIDTH_PX, picture.HEIGHT_PX)
    # Not a blank canvas: nodes, edges and labels put many colours on it.
    assert len(image.convert("RGB").getcolors(maxcolors=100_000) or ()) > 50


def test_a_missing_glyph_would_be_noticed():
    # The check above can fail: a character outside DejaVu Sans does warn.
    with pytest.warns(UserWarning, match="missing from font"):
        picture.draw_network(picture.meeting_network(WEEK), title="会谈")


def test_an_empty_week_still_draws_a_picture():
    image = _image(picture.meeting_network_png([], title="Quiet week"))
    assert image.size == (picture.WIDTH_PX, picture.HEIGHT_PX)


def test_a_single_country_and_a_focus_draw():
    assert _image(picture.meeting_network_png([met("FR")], title="One")).size == (1200, 800)
    assert _image(picture.meeting_network_png(WEEK, title="Focus", focus="KZ")).size == (1200, 800)
