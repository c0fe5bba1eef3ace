"""One entry point for every edition of the casebook:

    python -m casebook.build --edition student|instructor [--no-epilogue] [--pdf]

It clears the execution cache when the package or the data changed
(casebook.buildcache), writes the edition's table of contents from _toc.yml, tells the
Sphinx extension and the notebooks' kernels which edition this is (casebook.edition),
and builds the site with warnings as errors and every reference checked, into
``_build/<edition>/html``: ``_build/student/html``, ``_build/instructor/html`` and
``_build/student-no-epilogue/html``. With ``--pdf`` it first prints the edition to a PDF
(casebook.pdf: Chromium prints a singlehtml build of it) into that folder, and the site's
intro links it; the instructor edition's site holds and links the student PDF as well.

_toc.yml is the student edition's table of contents, so that a plain `jupyter-book
build .` can never publish the teaching note. The instructor edition adds its part
(INSTRUCTOR_PART); the edition without the epilogue drops the EPILOGUE_PAGES.

Jupyter Book's own command builds into ``<path-output>/_build/html``; this module calls
the function that command calls (jupyter_book.sphinx.build_sphinx) with the edition's
own folder instead, which avoids the extra ``_build/html``.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import sys
from pathlib import Path

import yaml

from casebook import buildcache, edition, handouts

REPO = Path(__file__).resolve().parent.parent
INSTRUCTOR_PART = {
    "caption": "For instructors",
    "chapters": [{"file": "instructor/teaching-note"}, {"file": "instructor/role-sheets"}, {"file": "instructor/class-aggregation"}],
}
# The pages that tell what was reported after 17 February 2026: the epilogue and its exercises.
# Where the site keeps the hand-out notebooks (casebook.handouts), beside its pages.
NOTEBOOKS = "notebooks"
EPILOGUE_PAGES = ("chapters/09-epilogue", "exercises/09-epilogue")
# Where a table of contents lists pages (sphinx-external-toc's jb-book format).
LISTS = ("parts", "chapters", "sections")


def edition_name(chosen: str, epilogue: bool = True) -> str:
    return chosen if epilogue else f"{chosen}-no-epilogue"


def output_folder(build_dir: Path, chosen: str, epilogue: bool = True, builder: str = "html") -> Path:
    """Where the edition's site is written (its index.html is there), or, for the
    singlehtml builder, the single page that casebook.pdf prints."""
    return Path(build_dir) / edition_name(chosen, epilogue) / builder


def toc_pages(toc: dict) -> list[str]:
    """Every page a table of contents (or part of one) lists, the root first."""
    pages = [toc[key] for key in ("root", "file") if key in toc]
    for key in LISTS:
        for entry in toc.get(key, []):
            pages += toc_pages(entry)
    return pages


def without_page(toc: dict, page: str) -> dict:
    """A copy of a table of contents (or part of one) without the entry for ``page``."""
    kept = {key: value for key, value in toc.items() if key not in LISTS}
    for key in LISTS:
        if key in toc:
            kept[key] = [without_page(entry, page) for entry in toc[key] if entry.get("file") != page]
    return kept


def edition_toc(toc: dict, chosen: str, epilogue: bool = True) -> dict:
    """The edition's table of contents, from the student edition's (_toc.yml, parsed)."""
    toc = copy.deepcopy(toc)
    if not epilogue:
        for page in EPILOGUE_PAGES:
            shorter = without_page(toc, page)
            if shorter == toc:  # renamed or moved: building on would publish it
                raise ValueError(f"the table of contents does not list {page}, which --no-epilogue leaves out")
            toc = shorter
    if chosen == "instructor":
        toc["parts"] = toc.get("parts", []) + [INSTRUCTOR_PART]
    return toc


def build(chosen: str, epilogue: bool, source: Path, build_dir: Path, builder: str = "html", pdfs: list | None = None,
          every_page: bool = False) -> int:
    """Build one edition of the book in ``source`` into ``build_dir``; 0 when it built without a warning.

    Both builders read the edition into the same doctrees (``<edition>/.doctrees``), so
    whichever of them builds an edition second reads nothing again.
    ``pdfs`` are the (file name, link text) pairs of the PDFs in the site, for its intro.
    ``every_page`` writes every page, whether Sphinx thinks it changed or not."""
    from jupyter_book.sphinx import build_sphinx  # slow to import; not needed for the TOC

    source, build_dir = Path(source).resolve(), Path(build_dir).resolve()
    if buildcache.clear_stale_cache(build_dir):
        print("casebook or data changed: every notebook will be executed again", file=sys.stderr)
    name = edition_name(chosen, epilogue)
    toc_path = build_dir / name / "_toc.yml"
    toc_path.parent.mkdir(parents=True, exist_ok=True)
    toc = edition_toc(yaml.safe_load((source / "_toc.yml").read_text(encoding="utf-8")), chosen, epilogue)
    toc_path.write_text(
        f"# The {name} edition's table of contents, written by casebook.build from _toc.yml.\n"
        + yaml.safe_dump(toc, sort_keys=False),
        encoding="utf-8",
    )
    # The hand-out notebooks of the edition's exercise pages, which Sphinx copies into the
    # site (html_extra_path) where the pages' download links point: notebooks/.
    extra = build_dir / name / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    exercise_pages = [source / f"{page}.md" for page in toc_pages(toc) if page.startswith("exercises/")]
    if exercise_pages:
        handouts.write_handouts(exercise_pages, extra / NOTEBOOKS, instructor=chosen == "instructor", source=source)
    # Read by casebook.sphinx_ext in this process, and by the kernels it starts.
    os.environ["CASEBOOK_EDITION"] = chosen
    os.environ["CASEBOOK_EPILOGUE"] = "yes" if epilogue else "no"
    overrides = {
        "external_toc_path": toc_path.as_posix(),
        "nitpicky": True,
        "latex_individualpages": False,
        # Executed notebooks differ between editions only in the sources the answer builder
        # and My answers offer: without the epilogue, a cache of its own, so that outputs
        # executed with the later sources are never reused. Student and instructor share one.
        "nb_execution_cache_path": str(build_dir / (".jupyter_cache" if epilogue else ".jupyter_cache-no-epilogue")),
        "html_extra_path": [str(extra)] if exercise_pages else [],
        "casebook_notebooks": NOTEBOOKS if exercise_pages else "",
        "casebook_pdfs": pdfs or [],
    }
    result = build_sphinx(
        source, output_folder(build_dir, chosen, epilogue, builder), builder=builder, noconfig=True, path_config=str(source / "_config.yml"),
        confoverrides=overrides, warningiserror=True, keep_going=True, force_all=every_page,
    )
    if isinstance(result, Exception):
        # Sphinx has said where the build stopped; say why, e.g. the cell that failed and its error.
        print(f"{type(result.__cause__ or result).__name__}: {result.__cause__ or result}", file=sys.stderr)
        return 1
    return result


def print_edition(chosen: str, epilogue: bool, source: Path, build_dir: Path) -> int:
    """Print an edition to a PDF in its site's folder, from a single-page build of it (casebook.pdf)."""
    from casebook import pdf

    status = build(chosen, epilogue, source, build_dir, builder="singlehtml")
    if status != 0:
        return status
    root = yaml.safe_load((Path(source) / "_toc.yml").read_text(encoding="utf-8"))["root"]
    page = output_folder(build_dir, chosen, epilogue, "singlehtml") / f"{root}.html"
    target = output_folder(build_dir, chosen, epilogue) / pdf.pdf_name(chosen, epilogue)
    pdf.print_pdf(page, target)
    print(f"The {edition_name(chosen, epilogue)} edition's PDF is {target}", file=sys.stderr)
    return 0


def build_with_pdfs(chosen: str, epilogue: bool, source: Path, build_dir: Path) -> int:
    """The edition's PDF, then its site, which holds and links it; the instructor edition's
    site holds and links the student PDF too (printed first, when it is not there yet)."""
    from casebook import pdf

    status = print_edition(chosen, epilogue, source, build_dir)
    pdfs = [(pdf.pdf_name(chosen, epilogue), pdf.pdf_description(chosen, epilogue))]
    if status == 0 and chosen == "instructor":
        student = output_folder(build_dir, "student") / pdf.pdf_name("student")
        if not student.exists():
            status = print_edition("student", True, source, build_dir)
        if status == 0:
            shutil.copy(student, output_folder(build_dir, chosen) / student.name)
            pdfs.insert(0, (student.name, pdf.pdf_description("student")))
    # The single-page build may have read pages again (after a change to the package, say),
    # which the html build would then not know to write: it writes every page.
    return status or build(chosen, epilogue, source, build_dir, pdfs=pdfs, every_page=True)


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build one edition of the casebook into _build/<edition>/html.")
    parser.add_argument("--edition", choices=edition.EDITIONS, default="student")
    parser.add_argument("--no-epilogue", dest="epilogue", action="store_false",
                        help="leave out everything reported after 17 February 2026 (student edition only)")
    parser.add_argument("--pdf", action="store_true",
                        help="also print the edition to a PDF, put into its site and linked from its intro")
    parser.add_argument("--source", type=Path, default=REPO, help="the book's folder (default: this repository)")
    parser.add_argument("--build-dir", type=Path, help="where editions and execution caches go (default: SOURCE/_build)")
    options = parser.parse_args(arguments)
    if options.edition == "instructor" and not options.epilogue:
        parser.error("the instructor edition always has the epilogue: its teaching note covers it")
    build_dir = options.build_dir or options.source / "_build"
    make = build_with_pdfs if options.pdf else build
    status = make(options.edition, options.epilogue, options.source, build_dir)
    if status == 0:
        folder = output_folder(build_dir, options.edition, options.epilogue)
        print(f"The {edition_name(options.edition, options.epilogue)} edition is in {folder}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
