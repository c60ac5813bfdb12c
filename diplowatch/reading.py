"""Turn a dropped file into a document: text, title, date, encoding.

Anything that cannot become a sensible article raises `Unreadable` with a reason a user
can act on; the caller quarantines the file. The user's file is only ever read.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from diplowatch import dates, sources
from diplowatch.cleaning import clean_line, clean_text, without_escapes

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MIN_WORDS = 5
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SKIPPED_HTML = re.compile(r"<(script|style|noscript|title)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class Unreadable(Exception):
    """The file cannot be read as an article; the message is the reason shown to users."""


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    title: str
    published: str | None
    encoding: str
    url: str | None = None
    outlet: str | None = None  # the agency or site (see diplowatch.sources)

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())


# Names of copies in progress and editors' scratch files: never read, never mentioned.
TEMPORARY_SUFFIXES = {".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", ".swx", ".lock"}


def is_hidden_or_temporary(path: Path) -> bool:
    """Dot-files (and what is inside dot-folders), `~` names and copies in progress."""
    name = path.name
    if name.startswith(".") or name.startswith("~") or name.endswith("~"):
        return True
    if any(part.startswith(".") for part in path.parts[:-1] if part not in (".", "..")):
        return True
    return path.suffix.lower() in TEMPORARY_SUFFIXES


def is_candidate(path: Path) -> bool:
    """Files worth reading: known suffixes, not hidden, not temporary copies in progress."""
    return not is_hidden_or_temporary(path) and path.suffix.lower() in SUFFIXES


def unsupported(path: Path) -> str:
    """Why a file that is neither hidden nor temporary is not read as an article."""
    kinds = ", ".join(sorted(SUFFIXES))
    suffix = path.suffix.lower()
    return f"{suffix} files are not read (only {kinds})" if suffix else f"no extension (only {kinds} files are read)"


def content_hash(text: str) -> str:
    """The identity of an article: the same words give the same hash, whatever the
    encoding, line endings, spacing or invisible characters of the file."""
    normal = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    normal = " ".join(normal.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOM, strict UTF-8, UTF-16 without BOM, detection limited to
    the encodings French press uses, then cp1252 with replacement."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Unreadable(f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data[:8192]:
        raise Unreadable("binary file (contains NUL bytes): not a text article")
    best = from_bytes(data, cp_isolation=["utf_8", "cp1252", "utf_16"]).best()
    if best is not None and best.encoding in {"utf_8", "cp1252", "utf_16"}:
        return str(best), best.encoding.replace("_", "-")
    return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    encoding = "utf-16-le" if odd_nuls > 0.3 > even_nuls else "utf-16-be" if even_nuls > 0.3 > odd_nuls else None
    if not encoding:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _check_binary(text: str) -> None:
    # Escape sequences are text meant for a terminal (a coloured title): removed, not counted.
    sample = without_escapes(text[:20000])
    if len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise Unreadable("binary content (control characters): not a text article")


def _check_text(text: str) -> None:
    if "\ufffd" in text and text.count("\ufffd") > 0.01 * len(text):
        raise Unreadable("undecodable: too many invalid characters for any known encoding")
    words = len(text.split())
    if words < MIN_WORDS:
        raise Unreadable(f"too short to be an article ({words} words)")


def short_title(line: str, limit: int = 160) -> str:
    """A first line that is a whole paragraph (no headline) is cut at a word."""
    line = clean_line(line)
    if len(line) <= limit:
        return line
    head = line[:limit]
    return head[: head.rfind(" ")].rstrip(" ,;:") + "…"


def html_to_text(markup: str) -> tuple[str, str]:
    """The main text of a web page and its title (og:title, else <title>)."""
    import html as html_lib

    import trafilatura  # slow to import; only HTML needs it

    title_match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    title = " ".join(title_match[1].split()) if title_match else ""
    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        from lxml import html as lxml_html

        try:
            # huge_tree: without it libxml2 silently drops everything below 255 nested tags
            tree = lxml_html.fromstring(markup, parser=lxml_html.HTMLParser(huge_tree=True))
        except Exception as exc:  # lxml raises a zoo of parser errors
            raise Unreadable(f"HTML could not be parsed: {exc}") from exc
        # The <title> is the title, not the body: a page with only a title has no article.
        for bad in tree.xpath("//script|//style|//noscript|//title"):
            bad.drop_tree()
        text = "\n".join(" ".join(t.split()) for t in tree.itertext() if t.strip())
        if not text:  # deeper than libxml2 goes even so (2,048 levels): strip the tags by hand
            text = html_lib.unescape(" ".join(_TAG.sub(" ", _SKIPPED_HTML.sub(" ", markup)).split()))
    meta_title = sources.page_metadata(markup).get("og:title")
    return text or "", clean_line(meta_title or html_lib.unescape(title))


OUTSIDE = "a link to a file outside the drop folder: not read (only files inside the drop folder are)"
MB = 1024 * 1024  # MAX_FILE_MB counts in these (MiB), and so do the messages


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, once every link is followed, is inside `folder` (links followed too)."""
    try:
        real = Path(os.path.realpath(path))
        return real.is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def _opened_path(fd: int) -> Path | None:
    """Where an open file really is (Linux): what was read, whatever the links did meanwhile."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return None


def read_document(path: Path, *, max_bytes: int = 20 * MB, inside: Path | None = None) -> Document:
    """The document in a file. With `inside`, a file whose real place (links followed) is
    outside that folder is refused: a link in the drop folder to /etc/passwd or to a .env
    would otherwise be stored and shown to every member. The check is made again on the open
    file, so a link swapped between the check and the opening is caught too."""
    path = Path(path)
    if inside is not None and not is_inside(path, inside):
        raise Unreadable(OUTSIDE)
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer (it is refused just below).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from exc
    try:
        opened = _opened_path(fd) if inside is not None else None
        if opened is not None and not opened.is_relative_to(os.path.realpath(inside)):
            raise Unreadable(OUTSIDE)
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # a folder, a pipe (reading it would wait forever), a device
            raise Unreadable("not a regular file (a folder, a pipe or a device)")
        size = info.st_size
        if size == 0:
            raise Unreadable("empty file")
        if size > max_bytes:
            raise Unreadable(f"too large: {size / MB:.1f} MB (limit {max_bytes / MB:g} MB, MAX_FILE_MB)")
        # Never more than the limit, even if the file grows while it is read.
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise Unreadable(f"too large: more than {max_bytes / MB:g} MB (MAX_FILE_MB), and still growing")
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if not data.strip():
        raise Unreadable("empty file (only white space)")
    try:
        return parse_document(data, path.suffix.lower())
    except Unreadable:
        raise
    except Exception as exc:  # whatever a parser does with hostile bytes, it costs only this file
        raise Unreadable(f"could not be read: {type(exc).__name__}: {exc}"[:300]) from exc


def parse_document(data: bytes, suffix: str) -> Document:
    raw, encoding = decode(data)
    raw = _normalise(raw)
    url = site = None
    title = ""
    published = None
    if suffix in HTML_SUFFIXES:
        # The HTML parser drops a bare ESC but keeps the rest of its sequence ("[31m"): the
        # markup is cleaned first, and what its entities (&#27;) decode to, after.
        _check_binary(raw)
        text, title = html_to_text(clean_text(raw))
        text = _normalise(text)
        meta = sources.page_metadata(raw)
        url, site = meta.get("canonical") or meta.get("og:url"), meta.get("og:site_name")
        published = sources.page_published(raw)
    elif suffix in JSON_SUFFIXES:
        text, title, published, url = _from_json(raw)
    else:
        text = raw
    _check_binary(text)
    # Cleaned here, before the extraction: evidence offsets index into the text as stored.
    text = clean_text(text)
    _check_text(text)
    url = sources.safe_url(clean_text(url or ""))  # http(s) only: no javascript:, data: or file:
    title = short_title(title) if title else sources.headline_of(text)
    # the page's own metadata, else a date line in its text, else the day its address is filed under
    published = published or dates.publication_date(text) or sources.url_date(url)
    outlet = clean_line(site or "") or sources.dateline_source(text) or sources.host_name(url)
    return Document(text=text, title=title, published=published, encoding=encoding, url=url, outlet=outlet)


def _from_json(raw: str) -> tuple[str, str, str | None, str | None]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"invalid JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError:
        raise Unreadable("JSON nested too deeply to be an article") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise Unreadable(f"invalid JSON: {exc}"[:200]) from None
    if not isinstance(data, dict):
        raise Unreadable("JSON must be an object with title, date, text and url")
    text, title, date_value, url = (data.get(k) for k in ("text", "title", "date", "url"))
    for name, value in (("text", text), ("title", title), ("date", date_value), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise Unreadable(f"JSON field '{name}' must be a string, not {type(value).__name__}")
    if not text:
        raise Unreadable("JSON has no 'text'")
    published = None
    if date_value:
        try:
            published = dates.parse_user_date(date_value[:10] if len(date_value) > 10 and "T" in date_value else date_value)
        except ValueError:
            published = None
    return _normalise(text), short_title(title or ""), published, url
