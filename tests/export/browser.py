"""Headless Chromium for tests (Debian's chromium package; .ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files"]


def chromium() -> str:
    path = os.environ.get("KEHOACH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("KEHOACH_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KEHOACH_REQUIRE_BROWSER) but not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


def run(args: list[str], profile: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout)


def dump_dom(page: Path, profile: Path, budget_ms: int = 8000) -> str:
    r = run([f"--virtual-time-budget={budget_ms}", "--dump-dom", page.as_uri()], profile)
    return r.stdout


def screenshot(page: Path, png: Path, profile: Path, size: str = "1400,1000") -> None:
    run([f"--window-size={size}", f"--screenshot={png}", page.as_uri()], profile)


def mermaid_js() -> Path:
    js = os.environ.get("KEHOACH_MERMAID_JS")
    if js and Path(js).exists():
        return Path(js)
    for cand in (Path(".cache/mermaid/node_modules/mermaid/dist/mermaid.min.js"),):
        if cand.exists():
            return cand.resolve()
    if os.environ.get("KEHOACH_REQUIRE_BROWSER"):
        pytest.fail("mermaid.min.js is required (KEHOACH_REQUIRE_BROWSER) but not found; .ci/run installs it with npm")
    pytest.skip("mermaid.min.js not found (npm install --prefix .cache/mermaid mermaid@11)")
