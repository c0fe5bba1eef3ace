"""The casebook's benchmark (`make bench`): what students, instructors and CI feel.

Measures, each as the median of several runs: the cold build, a no-change rebuild, a
one-chapter edit (and how many notebooks it re-executes), the test suite, every
page's weight in Chromium, widget start-up, and the aggregation of 1,000 and 10,000
answer files; every page's Lighthouse scores (mobile, served compressed; Lighthouse's own
median run; reports in benchmarks/lighthouse/latest/) and, once, the Nu HTML Checker's errors. Writes
benchmarks/results.md and benchmarks/results.json.

Everything is built, edited and tested in a temporary copy of the repository (its
tracked and untracked files, as they are now), so the reader's _build and chapters
are never touched, and `make test` can run meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from casebook.build import output_folder  # noqa: E402
from support import RECORD_SHIFTS, WIDGETS_READY, WIDTHS, build_command, chromium, layout_shifts, page_weight, served, site_pages  # noqa: E402

import lighthouse  # noqa: E402  (benchmarks/lighthouse.py)

BIN = Path(sys.executable).parent
EXECUTED = re.compile(r"Executing notebook using")
EDITED_CHAPTER = Path("chapters") / "03-parties-and-interests.md"


def copy_of_repository(destination: Path) -> Path:
    """The repository's tracked and untracked (not ignored) files, as they are now, copied into ``destination``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            check=True, capture_output=True, text=True).stdout
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():  # a tracked file deleted in the work tree is not copied
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, destination / name)
    return destination


def timed(command: list[str], copy: Path) -> tuple[float, str]:
    """Seconds a command takes in the copy; the kernels it starts import the copy's casebook package."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed, result.stdout + result.stderr


def build(copy: Path) -> tuple[float, int]:
    """Seconds for `make book` in the copy, and how many notebooks it executed."""
    seconds, log = timed(build_command("student", copy / "_build", source=copy), copy)
    return seconds, len(EXECUTED.findall(log))


def median(values: list[float]) -> float:
    return statistics.median(values)


def builds(copy: Path, runs: int) -> dict:
    cold, executed_cold, unchanged = [], [], []
    for _ in range(runs):
        shutil.rmtree(copy / "_build", ignore_errors=True)
        seconds, executed = build(copy)
        cold.append(seconds)
        executed_cold.append(executed)
        unchanged.append(build(copy)[0])
    edits, executed_edit = [], []
    chapter = copy / EDITED_CHAPTER
    original = chapter.read_text(encoding="utf-8")
    for run in range(runs):
        edited = original.replace("## The two names of one department", f"## The two names of one department\n\n<!-- bench {run} -->", 1)
        edited = edited.replace("actors = data.load_actors()", f"actors = data.load_actors()  # bench {run}", 1)
        if edited.count("bench") != 2:
            raise RuntimeError(f"{EDITED_CHAPTER} no longer has the heading or the code line the benchmark edits")
        chapter.write_text(edited, encoding="utf-8")
        seconds, executed = build(copy)
        edits.append(seconds)
        executed_edit.append(executed)
    chapter.write_text(original, encoding="utf-8")
    build(copy)  # the site browser_figures measures, built from the unedited chapter
    return {
        "cold_build_s": median(cold),
        "notebooks_executed_cold": max(executed_cold),
        "no_change_rebuild_s": median(unchanged),
        "no_change_share_of_cold": median(unchanged) / median(cold),
        "one_chapter_edit_s": median(edits),
        "notebooks_executed_after_edit": max(executed_edit),
    }


def tests(copy: Path, runs: int) -> dict:
    suite = [timed([str(BIN / "pytest"), "-q", "-n", "auto"], copy)[0] for _ in range(runs)]
    # Serial and parallel alternate, so a slow spell on the machine hits both, and they
    # run at least five times: each run is short and varies by about a tenth.
    notebook_tests = [str(BIN / "pytest"), "-q", "tests/test_notebooks.py", "-n"]
    serial, parallel = [], []
    for _ in range(max(runs, 5)):
        serial.append(timed(notebook_tests + ["0"], copy)[0])
        parallel.append(timed(notebook_tests + ["2"], copy)[0])
    return {
        "test_suite_s": median(suite),
        "notebook_test_runs": len(serial),
        "notebook_tests_serial_runs_s": serial,
        "notebook_tests_parallel_runs_s": parallel,
        "notebook_tests_serial_s": median(serial),
        "notebook_tests_parallel_s": median(parallel),
        "notebook_tests_speedup": median(serial) / median(parallel),
    }


def browser_figures(copy: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    site = output_folder(copy / "_build", "student")
    pages = site_pages(site)
    weights, startup = {}, {}
    with served(site) as base:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium(playwright))
            for path in pages:
                weights[path] = page_weight(browser, base, path)
                weights[path]["layout_shift"] = {width: layout_shift(browser, base, path, size) for width, size in WIDTHS.items()}
            for path in pages:
                if weights[path]["widget_script"]:
                    startup[path] = widget_startup(browser, base, path, runs)
            browser.close()
    return {"pages": weights, "widget_startup": startup}


def layout_shift(browser, base: str, path: str, viewport: dict) -> float:
    """Cumulative layout shift of one load, widgets drawn, measured in the page (Lighthouse's
    layout-shift audits error out with this Chromium)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    page.goto(f"{base}/{path}")
    total = sum(shift["value"] for shift in layout_shifts(page))
    context.close()
    return total


def widget_startup(browser, base: str, path: str, runs: int) -> dict:
    """Milliseconds from navigation until every widget is ready, with and without saved answers."""
    def once(saved: bool) -> float:
        context = browser.new_context()
        page = context.new_page()
        if saved:  # give an answer, so that the next load restores it
            page.goto(f"{base}/{path}")
            page.wait_for_function(WIDGETS_READY)
            if page.locator(".cb-widget input[type=radio]").count():
                page.locator(".cb-widget input[type=radio]").first.check()
            elif page.locator(".cb-widget select").count():
                page.locator(".cb-widget select").first.select_option("2")
        start = time.perf_counter()
        page.goto(f"{base}/{path}", wait_until="commit")
        page.wait_for_function(WIDGETS_READY, polling=5)
        elapsed = (time.perf_counter() - start) * 1000
        context.close()
        return elapsed
    return {"empty_ms": median([once(False) for _ in range(runs)]), "restored_ms": median([once(True) for _ in range(runs)])}


def checkers(copy: Path, runs: int) -> dict:
    """Lighthouse on every page (``runs`` times, about 15 s a run; the median run counts) and the Nu HTML Checker."""
    site = output_folder(copy / "_build", "student")
    return {"lighthouse": lighthouse.lighthouse_site(site, REPO / "benchmarks" / "lighthouse" / "latest", runs),
            "nu_checker": lighthouse.nu_checker_errors(site)}


def aggregation(runs: int) -> dict:
    from casebook import classroom, demo

    figures = {}
    with tempfile.TemporaryDirectory() as temporary:
        source = demo.write_demo(Path(temporary) / "source", students=50, seed=1)
        files = sorted(source.glob("demo-student-[0-9][0-9].json"))
        for count in (1000, 10000):
            folder = Path(temporary) / str(count)
            folder.mkdir()
            for number in range(count):
                document = json.loads(files[number % len(files)].read_text())
                document["student"] = f"Synthetic student {number:05d}"
                (folder / f"student-{number:05d}.json").write_text(json.dumps(document))
            seconds = []
            for _ in range(runs):
                start = time.perf_counter()
                loaded = classroom.load_class(folder)
                classroom.weight_distribution(loaded), classroom.analogy_fit(loaded), classroom.decisions(loaded)
                seconds.append(time.perf_counter() - start)
            figures[f"aggregate_{count}_files_s"] = median(seconds)
    return figures


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"


def report(results: dict) -> str:
    b, t, a = results["builds"], results["tests"], results["aggregation"]
    pages = results["browser"]["pages"]
    widget_pages = {p: w for p, w in pages.items() if w["widget_script"]}
    plain_pages = {p: w for p, w in pages.items() if not w["widget_script"]}
    heaviest_widget_page = max(widget_pages.values(), key=lambda w: w["gzip_bytes"])
    heaviest_plain_page = max(plain_pages.values(), key=lambda w: w["gzip_bytes"])
    startup = results["browser"]["widget_startup"]
    slowest = max(max(s["empty_ms"], s["restored_ms"]) for s in startup.values())
    lowest = {name: min(r["scores"][name] for r in results["checkers"]["lighthouse"].values()) for name in lighthouse.CATEGORIES}
    shift = {width: max(w["layout_shift"][width] for w in pages.values()) for width in WIDTHS}
    nu_errors = sum(len(errors) for errors in results["checkers"]["nu_checker"].values())
    mb = lambda n: f"{n / 1e6:.2f} MB"  # noqa: E731
    rows = [
        ("Cold build (make book, empty cache)", f"{b['cold_build_s']:.1f} s ({b['notebooks_executed_cold']} notebooks executed)", ""),
        ("No-change rebuild", f"{b['no_change_rebuild_s']:.1f} s = {b['no_change_share_of_cold']:.0%} of cold", "< 10% of cold"),
        ("One-chapter edit (prose + code)", f"{b['one_chapter_edit_s']:.1f} s, {b['notebooks_executed_after_edit']} notebook re-executed", "exactly 1"),
        ("Test suite (make test, set up)", f"{t['test_suite_s']:.0f} s", ""),
        ("Notebook tests serial / parallel", f"{t['notebook_tests_serial_s']:.1f} s / {t['notebook_tests_parallel_s']:.1f} s = {t['notebook_tests_speedup']:.2f}×", "≥ 1.6×"),
        ("Heaviest page without widgets (gzip)", mb(heaviest_plain_page["gzip_bytes"])
         + f" ({mb(heaviest_plain_page['raw_bytes'])} raw, {heaviest_plain_page['requests']} requests)", "≤ 0.20 MB"),
        ("Heaviest widget page (gzip)", mb(heaviest_widget_page["gzip_bytes"])
         + f" ({mb(heaviest_widget_page['raw_bytes'])} raw, {heaviest_widget_page['requests']} requests)", "≤ 0.20 MB"),
        ("Lighthouse mobile, lowest page (perf./a11y/best pr./SEO)", "/".join(str(lowest[name]) for name in lighthouse.CATEGORIES),
         "≥ 90/100/100/100"),
        ("Largest layout shift of a page, phone / desktop", f"{shift['phone']:.3f} / {shift['desktop']:.3f}", "< 0.05"),
        ("Nu HTML Checker errors, all pages", str(nu_errors), "0"),
        ("Non-local requests, all pages", str(sum(w["non_local_requests"] for w in pages.values())), "0"),
        ("Widget JS on pages without widgets", str(sum(w["widget_script"] for w in plain_pages.values())), "0"),
        ("Slowest widget start-up (empty / restored)", f"{slowest:.0f} ms", "≤ 300 ms"),
        ("Aggregate 1,000 / 10,000 answer files", f"{a['aggregate_1000_files_s']:.2f} s / {a['aggregate_10000_files_s']:.2f} s", "< 10 s for 10,000"),
    ]
    lines = [f"Benchmark of {results['date']} on {results['machine']} (medians of {results['runs']} runs; "
             f"of {t['notebook_test_runs']} for the notebook tests).", "",
             "| figure | value | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    lines += ["", "| page | requests | raw | gzip | widget JS | start-up empty / restored |", "|---|---|---|---|---|---|"]
    for path, w in pages.items():
        s = startup.get(path)
        lines.append(f"| {path} | {w['requests']} | {mb(w['raw_bytes'])} | {mb(w['gzip_bytes'])} | {'yes' if w['widget_script'] else 'no'} | "
                     + (f"{s['empty_ms']:.0f} / {s['restored_ms']:.0f} ms" if s else "") + " |")
    lines += ["", checkers_report(results["checkers"], pages)]
    return "\n".join(lines) + "\n"


def checkers_report(checked: dict, pages: dict) -> str:
    """Lighthouse's mobile scores, CLS and the Nu checker's errors per page, beside the figures
    measured before issue 14's changes (benchmarks/lighthouse/before/summary.json)."""
    before_file = REPO / "benchmarks" / "lighthouse" / "before" / "summary.json"
    before = json.loads(before_file.read_text()) if before_file.exists() else {"lighthouse": {}, "nu_checker": {}}
    weights_file = before_file.with_name("page-weights.json")  # page_weight's figures, same site
    weights_before = json.loads(weights_file.read_text()) if weights_file.exists() else {}
    scores = lambda r: "/".join(str(r["scores"][c]) for c in lighthouse.CATEGORIES) if r else "–"  # noqa: E731
    lines = ["Lighthouse 12 (mobile preset; performance/accessibility/best practices/SEO), served compressed, "
             "the median of the runs as Lighthouse chooses it; and the Nu HTML Checker's errors; "
             "before = before issue 14's changes (one run).", "",
             "| page | Lighthouse before | Lighthouse now | performance, each run | FCP / LCP / TBT now | CLS now (larger of phone, desktop) "
             "| gzip before / now | Nu errors before / now |",
             "|---|---|---|---|---|---|---|---|"]
    for path, result in checked["lighthouse"].items():
        m = result["metrics"]
        lines.append(f"| {path} | {scores(before['lighthouse'].get(path))} | {scores(result)} | "
                     f"{', '.join(map(str, result.get('performance_each_run', [])))} | "
                     f"{m['first-contentful-paint'] / 1000:.1f} / {m['largest-contentful-paint'] / 1000:.1f} s / "
                     f"{m['total-blocking-time']:.0f} ms | "
                     f"{max(pages[path]['layout_shift'].values()):.3f} | "
                     f"{weights_before.get(path, {}).get('gzip_bytes', 0) / 1e6:.3f} / {pages[path]['gzip_bytes'] / 1e6:.3f} MB | "
                     f"{len(before['nu_checker'].get(path, []))} / {len(checked['nu_checker'].get(path, []))} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    results = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(), "runs": options.runs}
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as temporary:
        copy = copy_of_repository(Path(temporary))
        results["builds"] = builds(copy, options.runs)
        results["browser"] = browser_figures(copy, options.runs)
        results["checkers"] = checkers(copy, options.runs)
        results["aggregation"] = aggregation(options.runs)
        results["tests"] = tests(copy, options.runs)
    (REPO / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2))
    (REPO / "benchmarks" / "results.md").write_text(report(results))
    print((REPO / "benchmarks" / "results.md").read_text())


if __name__ == "__main__":
    main()
