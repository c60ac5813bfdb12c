"""Figures, targets and the RESULTS.md file: what the machine is and what it measured."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return percentile(values, 95)


def proc_status(field_name: str, pid: str = "self") -> int:
    """A /proc/<pid>/status memory field (VmRSS, VmHWM) in bytes."""
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) * 1024
    return 0


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> dict[str, str]:
    """What the figures were measured on: CPU, cores, memory, load, Python and library versions."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))} (kernel {platform.release()})"
    except OSError:
        pass
    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:
        spacy_version = "not installed"
    try:
        from importlib.metadata import version

        model = f"fr_core_news_sm {version('fr_core_news_sm')}"
    except Exception:
        model = "fr_core_news_sm (version unknown)"
    return {
        "CPU": cpu,
        "Cores": str(os.cpu_count()),
        "Memory": memory,
        "OS": os_name,
        "Python": sys.version.split()[0],
        "spaCy": f"{spacy_version}, model {model}",
    }


@dataclass
class Row:
    metric: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: no target

    @property
    def mark(self) -> str:
        return "" if self.ok is None else ("✓" if self.ok else "✗")


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, metric: str, value: str, target: str = "", ok: bool | None = None) -> None:
        self.rows.append(Row(metric, value, target, ok))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mb(size: float) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def text_table(section: Section) -> str:
    widths = [max(len(r.metric) for r in section.rows + [Row("metric", "")]),
              max(len(r.value) for r in section.rows + [Row("", "value")]),
              max(len(r.target) for r in section.rows + [Row("", "", "target")])]
    lines = [f"== {section.title} =="]
    header = f"{'metric':<{widths[0]}}  {'value':>{widths[1]}}  {'target':<{widths[2]}}"
    lines += [header, "-" * (len(header) + 3)]
    for r in section.rows:
        lines.append(f"{r.metric:<{widths[0]}}  {r.value:>{widths[1]}}  {r.target:<{widths[2]}} {r.mark}".rstrip())
    lines += [f"  note: {n}" for n in section.notes]
    return "\n".join(lines)


def markdown_table(section: Section) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [f"### {section.title}", "", "| metric | value | target | |", "|---|---:|---|:-:|"]
    lines += [f"| {cell(r.metric)} | {cell(r.value)} | {cell(r.target)} | {r.mark} |" for r in section.rows]
    if section.notes:
        lines.append("")
        lines += [f"- {n}" for n in section.notes]
    return "\n".join(lines)


def write_results(command: str, sections: list[Section], *, load_before: str, load_after: str,
                  elapsed: float, preamble: list[str], summary: Section | None = None) -> Path:
    info = machine()
    lines = [
        "# diplowatch benchmark results",
        "",
        f"Run {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')} with `{command}` "
        f"({elapsed / 60:.1f} min). Overwritten by every run.",
        "",
        "## Machine",
        "",
        *[f"- **{k}**: {v}" for k, v in info.items()],
        f"- **Load average** (1/5/15 min) at start: {load_before}; at end: {load_after} "
        "(other work shares these cores: figures are noisy)",
        "",
        *preamble,
        "",
    ]
    if summary is not None:
        lines += [f"## Targets at the largest size ({summary.title})", "",
                  "| metric | value | target | |", "|---|---:|---|:-:|"]
        lines += [f"| {r.metric} | {r.value} | {r.target} | {r.mark} |" for r in summary.rows if r.ok is not None]
        lines.append("")
    lines += ["## Results", ""]
    for section in sections:
        lines += [markdown_table(section), ""]
    RESULTS.write_text("\n".join(lines))
    return RESULTS
