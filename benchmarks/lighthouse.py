"""Lighthouse (npm `lighthouse`, pinned in package.json) on every page of a built site,
mobile preset, served compressed by casebook.serve, several runs a page; and the Nu HTML
Checker (npm `vnu-jar`) over the same pages. Used by run.py; run alone to measure one
built site:

    python benchmarks/lighthouse.py SITE OUT_DIR [RUNS]

Lighthouse's JSON report of each page's median run is kept in OUT_DIR, without its
screenshots (which are most of its size and say nothing the scores do not).
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


# Lighthouse's own choice of a representative run: the one closest to the median first
# contentful paint and time to interactive (core/lib/median-run.js). Its docs on
# variability advise the median of several runs over any single one.
MEDIAN_RUN = """
import fs from "node:fs";
import {computeMedianRun} from "lighthouse/core/lib/median-run.js";
const runs = process.argv.slice(1).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
console.log(runs.indexOf(computeMedianRun(runs)));
"""


def lighthouse_once(url: str, report: Path) -> dict:
    """One run on one page, mobile preset; its report, less screenshots, is written to ``report``."""
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
    return result


def lighthouse(url: str, report: Path, runs: int = 1) -> dict:
    """One page, ``runs`` times: the median run's category scores (0-100), main metrics and
    audits below 90, and every run's performance score. The median run's report is kept in ``report``."""
    reports = [report.with_suffix(f".run{run}.json") for run in range(runs)]
    results = [lighthouse_once(url, path) for path in reports]
    median = 0
    if runs > 1:
        chosen = subprocess.run(["node", "--input-type=module", "-e", MEDIAN_RUN, *map(str, reports)],
                                cwd=REPO, capture_output=True, text=True, check=True)
        median = int(chosen.stdout)
    reports[median].replace(report)
    for path in reports:
        path.unlink(missing_ok=True)
    result = results[median]
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    metrics = {name: result["audits"][name].get("numericValue") for name in METRICS}
    failed = sorted(
        audit_id for audit_id, audit in result["audits"].items()
        if audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"} and audit.get("score") is not None and audit["score"] < 0.9
    )
    every_run = [round(100 * run["categories"]["performance"]["score"]) for run in results]
    return {"scores": scores, "metrics": metrics, "audits_below_90": failed, "performance_each_run": every_run}


def lighthouse_site(site: Path, out: Path, runs: int = 1) -> dict:
    """Every page of ``site``, served compressed, ``runs`` times each; each page's median report in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    figures = {}
    with served(site) as base:
        for page in site_pages(site):
            figures[page] = lighthouse(f"{base}/{page}", out / (page.replace("/", "--").removesuffix(".html") + ".json"), runs)
            print(page, figures[page]["scores"], figures[page]["performance_each_run"], flush=True)
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
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    results = {"lighthouse": lighthouse_site(site, out, runs), "nu_checker": nu_checker_errors(site)}
    (out / "summary.json").write_text(json.dumps(results, indent=1))
    for page, errors in results["nu_checker"].items():
        print(page, len(errors), "Nu checker errors", *errors[:5], sep="\n  ")
