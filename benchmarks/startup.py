"""Start-up as a separate process: `python -m benchmarks.startup DB_DIR T0`.

T0 is the parent's `time.time()` just before it started this process, so interpreter
start and imports count. Prints one JSON line "ready" once the store is loaded and a first
query answered (what a user waits for after a restart), then one "done" line after the
service's background work (the spaCy model, the /search index, the warm-up), with peak memory
(VmHWM), model included. The bot's own modules are imported as `diplowatch run` would.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    folder, t0 = sys.argv[1], float(sys.argv[2])
    from pathlib import Path

    import bot.discord_app  # noqa: F401  (discord.py and the handlers, as the bot imports them)
    from benchmarks.report import proc_status
    from handlers import registry
    from handlers.service import warm_up
    from handlers.spec import Context
    from storage import Store

    derived = [0.0]
    build = Store._rebuild_derived

    def timed(self) -> None:  # how much of the load is the people registry and the events
        started = time.time()
        build(self)
        derived[0] += time.time() - started

    Store._rebuild_derived = timed
    imported = time.time()
    store = Store(Path(folder))
    loaded = time.time()
    from diplowatch import countries

    code = max((c.code for c in countries.all_countries()), key=lambda c: len(store.meetings_of_country(c)))
    reply = registry.run("meetings", Context(store=store), {"subject": code})
    ready = time.time()
    print(json.dumps({"event": "ready", "imports": imported - t0, "store": loaded - imported, "derived": derived[0],
                      "first_query": ready - loaded, "ready": ready - t0, "cpu": time.process_time(), "entries": len(reply.entries),
                      "rss_ready": proc_status("VmRSS")}), flush=True)
    from extraction import Extractor

    Extractor()
    model = time.time()
    store.build_text_index()
    indexed = time.time()
    warm_up(store)
    warmed = time.time()
    print(json.dumps({"event": "done", "model": model - ready, "text_index": indexed - model,
                      "warm_up": warmed - indexed, "all": warmed - t0, "rss": proc_status("VmRSS"), "hwm": proc_status("VmHWM")}), flush=True)
    store.close()


if __name__ == "__main__":
    main()
