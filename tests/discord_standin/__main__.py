"""Run the stand-in by hand: ``python -m tests.discord_standin [--port 8765]``.

Prints the environment to start the bot with, then serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from .server import DiscordStandIn


async def main(port: int) -> None:
    async with DiscordStandIn(port=port) as api:
        for key, value in api.env().items():
            print(f"export {key}={value}")
        for ch in api.world.channels:
            print(f"# channel #{ch.name}: {ch.id}")
        print("# serving; Ctrl-C to stop", flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main(parser.parse_args().port))
