"""Console mode: the bot without Discord. It ingests the drop folder, prints alerts, and
answers commands typed in the slash form (`/meetings kazakhstan with:china`)."""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.render_text import reply_to_text
from bot.ingest_loop import ingest_loop
from bot.scheduler import digest_job as run_digest_job
from bot.scheduler import post_command_digest, run_due_digest, start_digest_scheduler
from bot.watcher import DropWatcher
from diplowatch.config import Settings
from handlers.digest import POST_TO_DIGEST_CHANNEL, replies_of
from handlers.registry import COMMANDS
from handlers.replies import Reply, error
from handlers.service import Service

PROMPT = "diplowatch> "
DeliverDigest = Callable[[list[Reply]], Awaitable[None]]


def parse_command(line: str) -> tuple[str, dict[str, str]] | str:
    """'/meetings kazakhstan with:china' -> ('meetings', {...}); an error text otherwise."""
    line = line.strip()
    if not line.startswith("/"):
        return "Commands start with / (type /help)."
    try:
        words = shlex.split(line[1:])
    except ValueError as exc:
        return f"Cannot read that line: {exc}"
    if not words:
        return "Type /help for the commands."
    name, rest = words[0].lower(), words[1:]
    command = COMMANDS.get(name)
    if command is None:
        return f"Unknown command /{name}. Type /help for the list."
    params = {p.name.rstrip("_"): p for p in command.params}
    args: dict[str, str] = {}
    positional: list[str] = []
    for word in rest:
        key, sep, value = word.partition(":")
        if sep and key.lower() in params:
            args[params[key.lower()].name] = value
        else:
            positional.append(word)
    free = [p for p in command.params if p.name not in args]
    # An action ("/watch add …") is one word; then the next free parameter takes all the
    # loose words, so names need no quotes ("/quotes Wang Yi").
    while positional and free and free[0].kind == "action":
        args[free.pop(0).name] = positional.pop(0).lower()
    if positional:
        if not free:
            return f"/{name} takes no more arguments."
        args[free[0].name] = " ".join(positional)
    missing = [p.name for p in command.params if p.required and p.name not in args]
    if missing:
        return f"/{name} needs {', '.join(missing)}. Type /help."
    return name, args


async def answer_line(service: Service, line: str, post_digest: DeliverDigest | None = None) -> str:
    parsed = parse_command(line)
    if isinstance(parsed, str):
        return reply_to_text(error(parsed))
    name, args = parsed
    reply = await service.command(name, args, is_admin=True)
    if reply.extra.get(POST_TO_DIGEST_CHANNEL) and post_digest is not None:
        await post_command_digest(service, reply, post_digest)
    return "\n\n".join(reply_to_text(part) for part in replies_of(reply))


async def run_console(
    settings: Settings,
    *,
    stdin=None,
    emit: Callable[[str], None] = print,
    stay_after_eof: bool | None = None,
    service: Service | None = None,
) -> None:
    stdin = stdin or sys.stdin
    if stay_after_eof is None:
        stay_after_eof = not stdin.isatty()
    service = service or Service(settings)
    await service.start()
    watcher = DropWatcher(
        settings.drop_dir,
        settle_seconds=settings.settle_seconds,
        rescan_seconds=settings.rescan_seconds,
        force_polling=settings.watch_poll,
        is_known=service.is_known,
    )
    watcher.start()

    async def deliver(channel, reply) -> None:
        emit(reply_to_text(reply, limit=10))

    async def deliver_digest(replies: list[Reply]) -> None:
        emit("\n\n".join(reply_to_text(reply) for reply in replies))

    try:
        await run_due_digest(service, deliver_digest)
    except Exception:  # a digest that fails to print must not stop the console
        logging.getLogger(__name__).exception("the missed digest could not be shown")
    scheduler = start_digest_scheduler(
        settings,
        lambda: run_digest_job(service, deliver_digest),
        on_next=lambda label: setattr(service, "next_digest", label),
    )

    def report(result) -> None:
        if result.outcome == "quarantined":
            emit(f"! quarantined {Path(result.path).name}: {result.reason}")
        elif result.outcome == "failed":
            emit(f"! could not store {Path(result.path).name} ({result.reason}); it will be tried again")

    ingest = asyncio.create_task(ingest_loop(service, watcher, deliver, on_result=report))
    emit(f"Watching {settings.drop_dir}/ — type /help for commands, /quit or Ctrl-D to leave.")
    try:
        while True:
            if stdin is sys.stdin and stdin.isatty():
                print(PROMPT, end="", flush=True)
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                if stay_after_eof:
                    await asyncio.Event().wait()  # no keyboard (a service): watch until stopped
                break
            line = line.strip()
            if line in {"/quit", "/exit"}:
                break
            if line:
                emit(await answer_line(service, line, deliver_digest))
    finally:
        scheduler.shutdown(wait=False)
        await watcher.stop()
        ingest.cancel()
        await asyncio.gather(ingest, return_exceptions=True)
        await service.close()
