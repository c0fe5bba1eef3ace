"""Lighthouse (npm `lighthouse`, pinned in package.json) on every page of a built site,
mobile preset, served compressed by casebook.serve; and the Nu HTML Checker (npm
`vnu-jar`) over the same pages. Used by run.py; run alone to measure one built site:

    python benchmarks/lighthouse.py SITE OUT_DIR

Lighthouse's JSON report of each page is kept in OUT_DIR, without its screenshots
(which are most of its size and say nothing the scores do not).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from support import DEBIAN_CHROMIUM, served, site_pages  # noqa: E402

NODE_BIN = REPO / "node_modules" / ".bin"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCREENSHOTS = ("screenshot-thumbnails", "final-screenshot", "full-page-screenshot")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")


def lighthouse(url: str, report: Path) -> dict:
    """One page, mobile preset: category scores (0-100) and the main metrics; the report is written to ``report``."""
    subprocess.run(
        [str(NODE_BIN / "lighthouse"), url, "--output=json", f"--output-path={report}", "--quiet",
         "--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update"],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", str(DEBIAN_CHROMIUM))}, check=True,
    )
    result = json.loads(report.read_text())
    for audit in SCREENSHOTS:
        result["audits"].pop(audit, None)
    result.pop("fullPageScreenshot", None)
    report.write_text(json.dumps(result, separators=(",", ":")))
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    metrics = {name: result["audits"][name].get("numericValue") for name in METRICS}
    failed = sorted(
        audit_id for audit_id, audit in result["audits"].items()
        if audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"} and audit.get("score") is not None and audit["score"] < 0.9
    )
    return {"scores": scores, "metrics": metrics, "audits_below_90": failed}


def lighthouse_site(site: Path, out: Path) -> dict:
    """Every page of ``site``, served compressed; each page's report in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    figures = {}
    with served(site) as base:
        for page in site_pages(site):
            figures[page] = lighthouse(f"{base}/{page}", out / (page.replace("/", "--").removesuffix(".html") + ".json"))
            print(page, figures[page]["scores"], flush=True)
    return figures


def nu_checker_errors(site: Path) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors on every page of ``site``, by page (one Java run for all of them)."""
    pages = site_pages(site)
    vnu = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json", *pages],
                            cwd=site, capture_output=True, text=True)
    errors: dict[str, list[str]] = {page: [] for page in pages}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        page = Path(message.get("url", "").removeprefix("file:")).resolve()
        name = str(page.relative_to(site.resolve())) if page.is_relative_to(site.resolve()) else message.get("url", "")
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


if __name__ == "__main__":
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    results = {"lighthouse": lighthouse_site(site, out), "nu_checker": nu_checker_errors(site)}
    (out / "summary.json").write_text(json.dumps(results, indent=1))
    for page, errors in results["nu_checker"].items():
        print(page, len(errors), "Nu checker errors", *errors[:5], sep="\n  ")
