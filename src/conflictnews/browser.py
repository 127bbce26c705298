"""Opening a report in headless Chromium, offline, to check what a reader would see."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r":CONSOLE(?:\(\d+\))?:?\d*\]\s*\"(?P<message>.*?)\", source: (?P<source>\S*)")
ERROR_WORDS = re.compile(r"Uncaught|Error|Failed to load|Refused to", re.IGNORECASE)


@dataclass
class PageCheck:
    """What a page showed after its scripts ran."""

    title: str
    charts: int  # plotly figures drawn (SVG roots)
    points: int  # data points drawn (bars, markers, heatmap images)
    console_errors: list[str] = field(default_factory=list)


def chromium() -> str | None:
    """Path of Debian's chromium, or ``None`` when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def check_page(page: Path, screenshot: Path | None = None, *, budget_ms: int = 10_000,
               timeout: float = 120) -> PageCheck:
    """Load ``page`` (a local file, network off) and read the DOM after scripts ran."""
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    url = page.resolve().as_uri()
    run = subprocess.run([exe, *FLAGS, f"--virtual-time-budget={budget_ms}", "--dump-dom",
                          url], capture_output=True, text=True, timeout=timeout)
    dom = run.stdout
    errors = [f"{m['message']} ({m['source']})" for m in CONSOLE.finditer(run.stderr)
              if ERROR_WORDS.search(m["message"])]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([exe, *FLAGS, f"--virtual-time-budget={budget_ms}",
                        "--window-size=1280,2400", f"--screenshot={screenshot}", url],
                       capture_output=True, timeout=timeout)
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    return PageCheck(
        title=title.group(1).strip() if title else "",
        charts=dom.count('class="main-svg"') // 2,  # plotly draws two main SVGs per chart
        points=len(re.findall(r'class="point"|class="hm"|class="js-line"', dom)),
        console_errors=errors,
    )
