"""Alerts for files that arrive close together: one card per channel, joined while its window
is open (issue 13); what an alert card says of a statement's speaker."""

from __future__ import annotations

from handlers.alert_bursts import LINES_BUDGET, AlertWindows
from handlers.alerts import alerts_for
from handlers.ingest import IngestResult
from storage import Store
from tests.bot_helpers import add_article, quote

ALERTS = 7


def arrived(*articles):
    return [IngestResult("ingested", f"/drop/{a.id}.txt", article=a) for a in articles]


def test_an_article_within_the_window_turns_the_first_alert_into_one_card(tmp_path):
    windows = AlertWindows(60)
    with Store(tmp_path / "db") as store:
        first = add_article(store, "Astana reçoit Pékin", "texte un", published="2024-05-02", countries=["KZ", "CN"])
        second = add_article(store, "Brasilia reçoit Buenos Aires", "texte deux", published="2024-05-02", countries=["BR"])
        late = add_article(store, "Rome reçoit Madrid", "texte trois", published="2024-05-03", countries=["IT", "ES"])
        ((channel, alone),) = alerts_for(store, arrived(first), ALERTS, windows=windows, now=100.0)
        ((_, grown),) = alerts_for(store, arrived(second), ALERTS, windows=windows, now=130.0)
        ((_, next_one),) = alerts_for(store, arrived(late), ALERTS, windows=windows, now=161.0)
    # The first article is alerted at once, in full; the second, 30 s later, edits it into a list.
    assert channel == ALERTS and alone.title == "New article: Astana reçoit Pékin" and alone.card
    assert grown.card == alone.card and grown.title == "2 new articles"
    lines = grown.summary.splitlines()
    assert f"🇰🇿 🇨🇳 Astana reçoit Pékin — /article {first.id}" in lines
    assert f"🇧🇷 Brasilia reçoit Buenos Aires — /article {second.id}" in lines
    # 61 s after the card opened, a new one starts.
    assert next_one.card != alone.card and next_one.title == "New article: Rome reçoit Madrid"


def test_a_burst_too_long_for_one_message_counts_the_rest(tmp_path):
    with Store(tmp_path / "db") as store:
        many = [
            add_article(store, f"Une très longue dépêche numéro {n} " + "sur les relations " * 6, f"texte {n}",
                        published="2024-05-02", countries=["KZ"])
            for n in range(60)
        ]
        ((_, card),) = alerts_for(store, arrived(*many), ALERTS, windows=AlertWindows(60), now=0.0)
    assert card.title == "60 new articles" and not card.entries
    assert len(card.summary) < LINES_BUDGET + 200  # one embed's description holds 4096
    shown = sum(line.startswith("🇰🇿") for line in card.summary.splitlines())
    assert 10 < shown < 60 and card.summary.endswith(f"… and {60 - shown} more: /articles lists them all")


def test_a_statement_in_an_alert_is_headed_by_the_registry_name_and_one_flag(tmp_path):
    with Store(tmp_path / "db") as store:
        add_article(store, "Astana", "Kassym-Jomart Tokaïev a parlé.", published="2024-05-01",
                    people=["Kassym-Jomart Tokaïev"], quotes=[quote("Kassym-Jomart Tokaïev", "Nous coopérons.", country="KZ")])
        article = add_article(store, "Tokayev speaks", "Tokayev spoke.", published="2024-05-02",
                              people=["Tokayev"], quotes=[quote("Tokayev", "We cooperate.", country="KZ")])
        ((_, alert),) = alerts_for(store, arrived(article), ALERTS)
    (entry,) = alert.entries
    assert entry.heading.startswith("Kassym-Jomart Tokaïev 🇰🇿 · 2024-05-02"), entry.heading
    assert "KZ" not in entry.heading


def test_the_window_is_a_setting_and_zero_gives_each_batch_its_own_card(tmp_path, monkeypatch):
    from diplowatch.config import load_settings
    from handlers.service import Service

    monkeypatch.chdir(tmp_path)  # no developer's .env
    assert Service(load_settings()).alert_windows.seconds == 60
    monkeypatch.setenv("ALERT_WINDOW_SECONDS", "0")
    windows = Service(load_settings()).alert_windows
    with Store(tmp_path / "db") as store:
        one = add_article(store, "Astana reçoit Pékin", "texte un", published="2024-05-02", countries=["KZ"])
        two = add_article(store, "Rome reçoit Madrid", "texte deux", published="2024-05-02", countries=["IT"])
        ((_, first),) = alerts_for(store, arrived(one), ALERTS, windows=windows, now=10.0)
        ((_, second),) = alerts_for(store, arrived(two), ALERTS, windows=windows, now=10.5)
    assert first.card != second.card and second.title == "New article: Rome reçoit Madrid"


def test_the_backlog_summary_shows_flags_not_codes(tmp_path):
    with Store(tmp_path / "db") as store:
        old = add_article(store, "Astana reçoit Pékin", "texte un", published="2024-05-02", countries=["KZ", "CN"])
        ((_, summary),) = alerts_for(store, arrived(old), ALERTS, backlog=True)
    assert summary.title.endswith("read from the existing folder")
    (entry,) = summary.entries
    assert entry.body == "2024-05-02 · 🇰🇿 🇨🇳", entry.body
