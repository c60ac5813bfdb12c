"""Disk full and read-only data folder: a clear error, nothing corrupted, ingest resumes.

How the conditions are made, in order of preference:
- a real small filesystem: a 1 MB tmpfs mounted on the data folder (needs root and the right
  to mount; `mount -o remount,ro` then makes it truly read-only, which chmod cannot do for
  root); it is unmounted at the end;
- otherwise, for the disk full case, the standard library's `os.replace` (the OS boundary
  that storage/atomic.write_atomic crosses to land a file) raises ENOSPC; for read-only,
  a non-root user gets chmod 0o555 on the folders, and root gets `os.replace` and
  `tempfile.mkstemp` raising EROFS.
The figures printed say which way was used.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from diplowatch.config import load_settings
from handlers.service import Service
from storage import Store, StoreError
from tests.survival_helpers import check_store, cli_env, run_cli, snapshot, write_corpus

pytestmark = pytest.mark.timeout(240)


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str = "1m"):
    """Mount a tmpfs on `folder`; yields False (nothing mounted) when not permitted."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or os.environ.get("SURVIVAL_NO_MOUNT"):  # the second: to try the fallback
        yield False
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
            if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
                subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write until the filesystem is full; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        try:
            while True:
                handle.write(b"\0" * 512)
        except OSError:
            pass
    return filler


def _raising(code: int, real):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(args[0]) if args else "")

    return fail


async def _ingest(service: Service, path: Path):
    (result,) = await service.ingest([path])
    return result


async def test_disk_full_then_space_returns(tmp_path, extractor, monkeypatch):
    drop = tmp_path / "drop"
    first, waiting, *_ = write_corpus(drop, 3, seed=41)
    data = tmp_path / "data"
    with small_filesystem(data) as real:
        settings = load_settings(drop_dir=drop, data_dir=data, max_file_mb=1)
        service = Service(settings, extractor=extractor)
        await service.start()
        try:
            assert (await _ingest(service, first)).outcome == "ingested"
            before = snapshot(settings.db_dir)
            if real:
                filler = fill(data)
            else:
                monkeypatch.setattr(os, "replace", _raising(errno.ENOSPC, os.replace))
            result = await _ingest(service, waiting)
            # A clear error, the bot still answers, the database unchanged and complete.
            # "failed": not the file's fault, so not quarantined; it stays pending.
            assert result.outcome == "failed" and "No space left on device" in result.reason, result
            reply = await service.command("status", {})
            assert "Articles: 1" in "\n".join([reply.summary, *(e.heading + e.body for e in reply.entries)]), reply
            assert snapshot(settings.db_dir) == before
            assert not list(settings.db_dir.rglob(".*.tmp")), "a temporary file was left on the full disk"
            if real:
                filler.unlink()
            else:
                monkeypatch.undo()
            again = await _ingest(service, waiting)
            assert again.outcome == "ingested", again
        finally:
            await service.close()
        counts = check_store(settings.db_dir)
        assert counts["articles"] == 2 and counts["quarantined"] == 0, counts  # nothing left in quarantine

        # The command line says the same in one line, without a traceback, and keeps the database.
        third = drop / "depeche_0002.txt"
        if real:
            filler = fill(data)
            before = snapshot(settings.db_dir)
            done = run_cli(["ingest", str(third)], cli_env(data, drop), tmp_path)
            filler.unlink()
            assert done.returncode in (1, 3), done
            assert "No space left on device" in done.stderr and "Traceback" not in done.stderr, done.stderr[-3000:]
            assert snapshot(settings.db_dir) == before
            assert check_store(settings.db_dir)["articles"] == 2
    print(
        f"\n[survival disk/full] {'a full 1 MB tmpfs' if real else 'os.replace raising ENOSPC'}: "
        f"clear error '{result.reason[:70]}…', database byte-identical, resumed once space returned"
    )


async def test_read_only_data_folder(tmp_path, extractor, monkeypatch):
    """Two moments. The folder turns read-only under the running bot: a mount cannot be made
    read-only while the bot holds its lock file open for writing (EBUSY), so that moment uses
    chmod 0555 for a non-root user and, for root, os.replace/tempfile.mkstemp raising EROFS.
    The bot starts on a read-only folder: a tmpfs remounted read-only (or chmod for non-root)."""
    drop = tmp_path / "drop"
    first, waiting, *_ = write_corpus(drop, 2, seed=43)
    data = tmp_path / "data"
    with small_filesystem(data) as real:
        settings = load_settings(drop_dir=drop, data_dir=data)
        root = os.geteuid() == 0
        folders = [settings.db_dir, settings.db_dir / "shards", settings.db_dir / "bodies"]

        def chmod(on: bool) -> None:
            for folder in folders:
                folder.chmod(0o555 if on else 0o755)

        service = Service(settings, extractor=extractor)
        await service.start()
        try:
            assert (await _ingest(service, first)).outcome == "ingested"
            before = snapshot(settings.db_dir)
            if root:
                monkeypatch.setattr(os, "replace", _raising(errno.EROFS, os.replace))
                monkeypatch.setattr(tempfile, "mkstemp", _raising(errno.EROFS, tempfile.mkstemp))
            else:
                chmod(True)
            try:
                result = await _ingest(service, waiting)
                assert result.outcome == "failed", result
                assert "Read-only file system" in result.reason or "Permission denied" in result.reason, result
                assert (await service.command("status", {})).tone != "error"
                assert snapshot(settings.db_dir) == before
            finally:
                monkeypatch.undo() if root else chmod(False)
            again = await _ingest(service, waiting)
            assert again.outcome == "ingested", again
        finally:
            await service.close()
        assert check_store(settings.db_dir)["articles"] == 2

        # Starting on a read-only folder: a clear StoreError (exit 3 from the CLI), not a traceback.
        start_way = "not tested (root without the right to mount)"
        if real or not root:
            before = snapshot(settings.db_dir)
            if real:
                subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
                start_way = "tmpfs remounted read-only"
            else:
                chmod(True)
                start_way = "chmod 0555"
            try:
                with pytest.raises(StoreError, match="(?i)writ|read-only|permission"):
                    Store(settings.db_dir)
                status = run_cli(["status"], cli_env(data, drop), tmp_path)
                assert status.returncode == 3 and "Traceback" not in status.stderr, status.stderr[-3000:]
                assert "diplowatch:" in status.stderr, status.stderr
            finally:
                if real:
                    subprocess.run(["mount", "-o", "remount,rw", str(data)], check=True)
                else:
                    chmod(False)
            assert snapshot(settings.db_dir) == before
    way = "chmod 0555" if not root else "os.replace/mkstemp raising EROFS"
    print(
        f"\n[survival disk/read-only] running bot: {way}: clear error '{result.reason[:70]}…', database untouched, "
        f"resumed when writable; start on a read-only folder: {start_way}"
    )


async def test_every_stored_article_is_announced_once_when_the_disk_fills_mid_batch(tmp_path, extractor, monkeypatch):
    """The attack: 150 files dropped on a nearly full disk were all stored once space returned,
    but only 92 announced: the 58 stored before the error came back "unchanged" from the
    file-by-file retry, and alerts are made from "ingested" results. Here the disk fills after
    a few articles of a batch of 12 (os.replace, the OS boundary, fails from then on)."""
    from handlers.alerts import alerts_for

    drop = tmp_path / "drop"
    paths = write_corpus(drop, 12, seed=47)
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data")
    service = Service(settings, extractor=extractor)
    await service.start()
    real_replace = os.replace
    writes = {"left": 9}  # about three articles (a body file and a record file each, some aliases)

    def replace_until_full(src, dst, *args, **kwargs):
        if writes["left"] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        writes["left"] -= 1
        return real_replace(src, dst, *args, **kwargs)

    try:
        monkeypatch.setattr(os, "replace", replace_until_full)
        first = await service.ingest(paths)
        monkeypatch.undo()
        stored_during_the_failure = len(service.store.articles_newest())
        assert 0 < stored_during_the_failure < 12, "the disk did not fill mid-batch: the test proved nothing"
        assert all(r.outcome in ("ingested", "failed") for r in first), [(r.outcome, r.reason) for r in first]
        pending = [Path(r.path) for r in first if r.outcome == "failed"]
        second = await service.ingest(pending)  # the next re-scan, space back
        announced = [r.article.id for r in (*first, *second) if r.outcome == "ingested"]
        stored = [a.id for a in service.store.articles_newest()]
        assert len(stored) == 12
        assert sorted(announced) == sorted(stored), "an article was announced twice, or never"
        alerts = [reply for results in (first, second) for _, reply in alerts_for(service.store, results, None)]
        titles = [reply.title for reply in alerts]
        assert len(titles) == len(set(titles)) and sum(
            len(r.summary.split("\n\n", 1)[1].splitlines()) if r.title.endswith("new articles") else 1 for r in alerts
        ) == 12, titles
    finally:
        await service.close()
    assert check_store(settings.db_dir)["articles"] == 12
