"""The built site's markup, read with BeautifulSoup: what the Nu HTML Checker and screen
readers found wrong before (issue 14), checked on every page of the student edition.
The checker itself (Java, npm vnu-jar) runs in the benchmark (benchmarks/lighthouse.py):
it needs Node to install, which `make test` does not, and takes about 20 s."""

import json
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from support import site_pages

pytestmark = pytest.mark.build

CHAPTER = re.compile(r"chapters/(\d+)-")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    return {path: BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser") for path in site_pages(site)}


def test_every_page_has_a_description_from_its_overview(pages):
    for path, page in pages.items():
        meta = page.find_all("meta", attrs={"name": "description"})
        assert len(meta) == 1 and len(meta[0]["content"]) > 30, f"{path}: no meta description"
        overview = page.find(id="overview")
        if overview:  # a chapter: its description is the overview's first paragraph
            first = " ".join(overview.find("p").get_text().split())
            assert first.startswith(meta[0]["content"].removesuffix(" …")), path


def test_a_chapter_s_title_says_which_chapter_it_is(pages):
    chapters = {path: page for path, page in pages.items() if CHAPTER.match(path)}
    assert len(chapters) >= 8
    for path, page in chapters.items():
        number = int(CHAPTER.match(path).group(1))
        heading = page.find("h1").get_text().replace("#", "").strip()
        assert page.title.get_text().startswith(f"Chapter {number}: {heading}"), path


def test_ids_are_unique_on_every_page(pages):
    for path, page in pages.items():
        repeated = [name for name, count in Counter(tag["id"] for tag in page.find_all(id=True)).items() if count > 1]
        assert not repeated, f"{path}: repeated ids {repeated}"


def test_hidden_code_toggles_hold_phrasing_and_are_named_by_their_text(pages):
    toggles = [(path, summary) for path, page in pages.items() for summary in page.select("details.hide > summary")]
    assert toggles
    for path, summary in toggles:
        assert not summary.find(["p", "div"]), f"{path}: a block inside <summary>"
        assert not summary.has_attr("aria-label"), f"{path}: the toggle's name is not its text"
        assert "Show code cell source" in summary.get_text()


def test_tables_have_scoped_headers_and_no_empty_header_cell(pages):
    """The book's own tables (casebook.display) and the DataFrames the exercise pages show (casebook.markup)."""
    tables = [(path, table) for path, page in pages.items() for table in page.select("table.casebook-table, table.dataframe")]
    assert {"casebook-table", "dataframe"} <= {name for _, table in tables for name in table["class"]}
    for path, table in tables:
        for header in table.find_all("th"):
            assert header.get_text(strip=True), f"{path}: an empty header cell"
            assert header.get("scope") in {"col", "row"}, f"{path}: a header cell without scope"



def test_no_page_has_a_scoped_style_block(pages):
    """pandas puts a `<style scoped>` before each DataFrame, whose rules reach outside its
    parent; HTML no longer has `scoped`."""
    for path, page in pages.items():
        assert not page.find_all("style", scoped=True), f"{path}: a <style scoped>"


def test_a_page_keeps_one_copy_of_the_widgets_module(pages):
    """Each widget's saved state would carry the whole front-end module; a page keeps one
    copy, and the other widgets point to it (casebook/markup.py, casebook-host.js)."""
    several = 0
    for path, page in pages.items():
        script = page.find("script", type="application/vnd.jupyter.widget-state+json")
        if not script:
            continue
        models = json.loads(script.string)["state"]
        modules = [model["state"]["_esm"] for model in models.values() if model["model_module"] == "anywidget"]
        texts = [module for module in modules if isinstance(module, str)]
        assert len(texts) == 1, f"{path}: {len(texts)} copies of the module"
        assert all(models[module["same_as"]]["state"]["_esm"] == texts[0] for module in modules if isinstance(module, dict)), path
        several += len(modules) > 1
    assert several >= 5, "pages with several widgets share one copy"
