"""The built site: it builds cleanly, and it loads nothing from outside itself."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from casebook.build import toc_pages
from support import NOTEBOOK_HEADER, REPO, build_tiny_book, read_yaml, site_pages

pytestmark = pytest.mark.build

EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.IGNORECASE)

# Every attribute through which a page makes the browser fetch something.
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def external_loads_in_html(html: str) -> list[str]:
    """Every reference in a page that would make the browser fetch from another host."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                for url in (element.get(attribute) or "").split(","):
                    url = url.strip().split(" ")[0]
                    if EXTERNAL.match(url):
                        found.append(f"<{tag} {attribute}={url!r}>")
    css = [style.get_text() for style in soup.find_all("style")]
    css += [element["style"] for element in soup.find_all(style=True)]
    return found + [f"CSS {url!r}" for text in css for url in external_loads_in_css(text)]


def external_loads_in_css(css: str) -> list[str]:
    return [url for url in CSS_URL.findall(css) + CSS_IMPORT.findall(css) if EXTERNAL.match(url)]


def test_book_builds_with_warnings_as_errors(built_book):
    log = Path(built_book["log"]).read_text()
    assert built_book["returncode"] == 0, f"jupyter-book build -W -n failed; end of the log:\n{log[-4000:]}"


def test_every_page_in_the_toc_is_built(site):
    pages = toc_pages(read_yaml(REPO / "_toc.yml"))
    assert "chapters/09-epilogue" in pages
    missing = [name for name in pages if not (site / f"{name}.html").is_file()]
    assert not missing, f"pages listed in _toc.yml but not built: {missing}"


def test_the_checker_finds_external_loads():
    """The check below can fail: it spots every kind of external load it looks for."""
    page = """<html><head><script src="https://cdn.example/x.js"></script>
    <link rel="stylesheet" href="//cdn.example/x.css"><style>@import "https://a.example/y.css";
    body { background: url('https://b.example/z.png') }</style></head>
    <body><img src="_static/ok.png" srcset="ok.png 1x, https://c.example/big.png 2x">
    <iframe src="http://d.example/"></iframe><div style="background:url(https://e.example/w.png)"></div>
    <a href="https://fine.example/">a link is fine</a></body></html>"""
    found = external_loads_in_html(page)
    assert len(found) == 7, found
    assert not any("fine.example" in item for item in found)


def test_site_loads_nothing_from_outside_itself(site):
    offenders = {}
    for page in pages(site):
        found = external_loads_in_html(page.read_text(encoding="utf-8"))
        if found:
            offenders[str(page.relative_to(site))] = found
    for stylesheet in sorted(site.rglob("*.css")):
        found = external_loads_in_css(stylesheet.read_text(encoding="utf-8", errors="replace"))
        if found:
            offenders[str(stylesheet.relative_to(site))] = found
    assert len(pages(site)) >= 3
    assert not offenders, f"the site loads resources from other hosts: {offenders}"


def test_every_page_names_the_site_icon_so_browsers_do_not_ask_for_favicon_ico(site):
    for page in site_pages(site):
        icon = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").find("link", rel="icon")
        assert icon is not None, f"{page} has no icon link"
        assert ((site / page).parent / icon["href"]).is_file(), f"{page}: {icon['href']} is missing"


def test_the_index_page_is_a_complete_page_that_leads_to_the_first_chapter(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.get_text() == "Supplier Limits: Anthropic, the Pentagon and Palantir"
    assert soup.find("meta", attrs={"http-equiv": "Refresh"})["content"] == "0; url=intro.html"
    assert soup.find("a")["href"] == "intro.html"


def test_figures_have_alt_text_and_tables_have_captions(site):
    for page in (site / "chapters").rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup
        for image in main.find_all("img"):
            assert (image.get("alt") or "").strip(), f"{page.name}: an image has no alt text: {image.get('src')}"
        for table in main.find_all("table"):
            assert table.find("caption"), f"{page.name}: a table has no caption"


def test_timeline_figure_and_table_are_in_chapter_one(site):
    soup = BeautifulSoup((site / "chapters" / "01-what-was-reported.html").read_text(encoding="utf-8"), "html.parser")
    figure = soup.find(id="fig-what-was-reported-timeline")
    assert figure is not None and figure.find("img")["alt"].startswith("A timeline chart")
    caption = soup.find("caption")
    assert caption is not None and "17 February 2026" in caption.get_text()
    assert "Nicolás Maduro" in soup.get_text()


@pytest.mark.parametrize("page", ["intro.html", "chapters/01-what-was-reported.html"])
def test_citations_link_to_entries_of_the_sources_page(site, page):
    references = BeautifulSoup((site / "references.html").read_text(encoding="utf-8"), "html.parser")
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    citations = [a for a in soup.find_all("a", href=True) if "references.html#" in a["href"]]
    assert citations, f"{page} cites nothing"
    for citation in citations:
        anchor = citation["href"].split("#", 1)[1]
        entry = references.find(id=anchor)
        assert entry is not None, f"{page}: citation {citation.get_text()!r} points at a missing entry #{anchor}"
        assert re.fullmatch(r"[^,]+, (\d{4}|n\.d\.)", citation.get_text()), citation.get_text()


def test_a_failing_cell_fails_the_build(tmp_path):
    page = NOTEBOOK_HEADER + "# A page\n\n```{code-cell} ipython3\nraise ValueError('broken cell')\n```\n"
    code, log, _ = build_tiny_book(tmp_path, page)
    assert code != 0
    assert "ValueError" in log and "broken cell" in log, log[-3000:]


def test_dollar_amounts_stay_text_and_load_no_mathjax(tmp_path):
    page = NOTEBOOK_HEADER + "# A page\n\nA contract worth $10 million, or $20 million.\n\n```{code-cell} ipython3\n1 + 1\n```\n"
    code, log, built = build_tiny_book(tmp_path, page)
    assert code == 0, log[-3000:]
    html = built.read_text(encoding="utf-8")
    assert "$10 million, or $20 million" in html
    assert "mathjax" not in html.lower()
