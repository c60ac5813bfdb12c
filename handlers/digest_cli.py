"""`diplowatch digest [--since DATE] [--until DATE] [--png FILE]`: the digest in the terminal.

A preview: it never moves the marker of the last posted digest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from diplowatch.config import Settings

EXIT_BAD_ARGUMENT = 2


def cmd_digest(settings: Settings, since: str | None, until: str | None, png: Path | None) -> int:
    from bot.render_text import reply_to_text
    from handlers.commands import Context
    from handlers.digest import digest, replies_of
    from handlers.picture import meeting_network_png
    from storage import Store

    with Store(settings.db_dir) as store:
        answer = digest(Context(store=store, is_admin=False, extras={"settings": settings}), since, until)
    if answer.tone == "error":
        print(f"diplowatch: {answer.summary}", file=sys.stderr)
        return EXIT_BAD_ARGUMENT
    replies = replies_of(answer)
    print("\n\n".join(reply_to_text(r) for r in replies))
    if png:
        pictures = [a.data for r in replies for a in r.attachments if a.filename.endswith(".png")]
        # A quiet week still gets its (empty) picture, so scripts always find the file.
        data = pictures[0] if pictures else meeting_network_png([], title=replies[0].title)
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(data)
        print(f"\npicture written to {png}")
    return 0
