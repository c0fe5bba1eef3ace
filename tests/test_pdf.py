"""The print edition (make pdf): each edition's PDF, read back with poppler (pdftotext,
pdfinfo, pdftohtml). The PDFs are printed once per test run, with the editions
(tests/conftest.py builds every edition as `make pdf` does)."""

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from casebook.pdf import AS_REPORTED, pdf_name
from support import REPO, pdf_outline, pdf_pages

pytestmark = pytest.mark.build

CHAPTERS = sorted((REPO / "chapters").glob("*.md"))
EPILOGUE = REPO / "chapters" / "09-epilogue.md"
TEACHING_NOTE = REPO / "instructor" / "teaching-note.md"
ROLE_SHEETS = REPO / "instructor" / "role-sheets.md"
# What only a screen shows: the theme's controls, code-cell toggles, the widget host's notes,
# and the widgets' screen views (their controls, scores and live messages).
SCREEN_ONLY = [
    "Show code cell", "Hide code cell", "Loading", "Skip to main content", "Back to top", "Search this book",
    "Ctrl+K", "Toggle", "Color mode", "Fullscreen", "Copy to clipboard", "Click to show", "works when the notebook runs live",
    "cannot start", "could not start", "– rate –", "not rated yet", "Still missing from the core", "arguments weighed",
    "labelled;", "Preview of your answer", "Give the arguments weights", "answers will not be kept", "<script", ") {",
    "=>", "[object ",
]


def title_of(page: Path) -> str:
    return next(line[2:].strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))


def headings(page: Path, level: str = "## ") -> list[str]:
    return [line[len(level):].strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith(level)]


def flat(text: str) -> str:
    """Text with every run of white space as one space, and typographic quotes as plain ones."""
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'}))
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def student_pdf(site) -> Path:
    return site / pdf_name("student")


@pytest.fixture(scope="module")
def student_text(student_pdf) -> str:
    return flat(" ".join(pdf_pages(student_pdf)))


@pytest.fixture(scope="module")
def instructor_pdf(instructor_site) -> Path:
    return instructor_site / pdf_name("instructor")


@pytest.fixture(scope="module")
def instructor_pages(instructor_pdf) -> list[str]:
    return pdf_pages(instructor_pdf)


@pytest.fixture(scope="module")
def no_epilogue_pdf(no_epilogue_site) -> Path:
    return no_epilogue_site / pdf_name("student", epilogue=False)


def page_starts(pages: list[str]) -> list[str]:
    """What each page starts with, after its running title: a page of the book's title starts its first page."""
    return [flat(" ".join([line for line in page.splitlines() if line.strip()][1:3])) for page in pages]


def test_student_pdf_has_a_title_page_contents_every_chapter_in_order_and_the_sources(student_pdf):
    pages = pdf_pages(student_pdf)
    assert "Student edition" in pages[0] and AS_REPORTED in flat(pages[0])
    assert "Contents" in pages[1]
    starts = page_starts(pages)
    first_pages = [next((n for n, start in enumerate(starts) if start.startswith(flat(title_of(chapter)))), None) for chapter in CHAPTERS]
    assert None not in first_pages, [title_of(c) for c, n in zip(CHAPTERS, first_pages) if n is None]
    assert first_pages == sorted(first_pages), "the chapters are not in the order of the table of contents"
    assert any(start.startswith("Sources") for start in starts[first_pages[-1]:])


def solutions(pages: list[str]) -> int:
    """How many model answers a PDF prints: each is headed "Solution", on a line of its own."""
    return sum(line.strip() == "Solution" for page in pages for line in page.splitlines())


def test_every_page_has_its_number_and_its_chapters_running_title(student_pdf):
    pages = pdf_pages(student_pdf)
    for number, page in enumerate(pages[1:], start=2):  # the title page has neither
        assert f"{number} of {len(pages)}" in page, f"page {number} has no page number"
    starts = page_starts(pages)
    for chapter in CHAPTERS:
        title = flat(title_of(chapter))
        first = next((number for number, start in enumerate(starts) if start.startswith(title)), None)
        assert first is not None, f"no page starts with {title!r}"
        # Its first page and the next (every chapter has two at least) carry it at the top.
        for page in pages[first:first + 2]:
            assert flat(page.strip().splitlines()[0]) == title, f"{title!r} is not the running title of its pages"


def test_student_pdf_holds_no_model_answer_and_no_teaching_note(student_pdf, student_text):
    assert solutions(pdf_pages(student_pdf)) == 0
    assert flat(title_of(TEACHING_NOTE)) not in student_text
    assert "Confidential card" not in student_text and "confidential card" not in student_text


def test_instructor_pdf_holds_the_teaching_note_the_model_answers_and_every_role_sheet_on_its_own_page(instructor_pages):
    text = flat(" ".join(instructor_pages))
    for heading in [title_of(TEACHING_NOTE), *headings(TEACHING_NOTE)]:
        assert flat(heading) in text, f"the teaching note's {heading!r} is not in the instructor PDF"
    written = sum(
        page.read_text(encoding="utf-8").count(fence)
        for page in CHAPTERS + sorted(REPO.glob("exercises/*.md")) for fence in ("```{solution}", "```{solution-start}")
    )
    assert solutions(instructor_pages) == written > 0
    # Each sheet and card starts a page: its heading comes first, after the running title.
    starts = page_starts(instructor_pages)
    for sheet in headings(ROLE_SHEETS):
        assert any(start.startswith(flat(sheet)) for start in starts), f"role sheet {sheet!r} does not start a page"


def test_the_pdf_without_the_epilogue_leaves_it_out(no_epilogue_pdf, student_text):
    text = flat(" ".join(pdf_pages(no_epilogue_pdf)))
    assert flat(title_of(EPILOGUE)) in student_text
    assert flat(title_of(EPILOGUE)) not in text
    assert "without the epilogue" in text and "Your forecasts beside what happened" not in text


def test_every_pdf_has_an_outline_of_its_chapters_and_tagged_text(student_pdf, instructor_pdf, no_epilogue_pdf):
    for pdf in (student_pdf, instructor_pdf, no_epilogue_pdf):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), f"{pdf.name} is not tagged"
        outline = [flat(title) for title in pdf_outline(pdf)]
        for chapter in (CHAPTERS[0], CHAPTERS[4]):
            assert any(item.startswith(flat(title_of(chapter))) for item in outline), f"{pdf.name}: {outline[:10]}"
    assert any(flat(item).startswith(flat(title_of(ROLE_SHEETS))) for item in pdf_outline(instructor_pdf))


def test_no_page_is_left_blank(student_pdf, instructor_pages, no_epilogue_pdf):
    """A page with nothing but its running title and its number is a layout fault (an empty
    box between two named pages, a figure too tall to fit)."""
    for name, pages in (("student", pdf_pages(student_pdf)), ("instructor", instructor_pages), ("no-epilogue", pdf_pages(no_epilogue_pdf))):
        blank = [number for number, page in enumerate(pages, start=1) if len([line for line in page.splitlines() if line.strip()]) <= 2]
        assert not blank, f"blank pages in the {name} PDF: {blank}"


def test_no_screen_only_text_in_either_pdf(student_text, instructor_pages):
    instructor_text = flat(" ".join(instructor_pages))
    for name, text in (("student", student_text), ("instructor", instructor_text)):
        found = [words for words in SCREEN_ONLY if words in text]
        assert not found, f"the {name} PDF shows what only works on screen: {found}"


def test_every_widget_prints_as_its_form(student_text):
    # The source check: a table of statements with a column to label them.
    assert "Statements from the reporting" in student_text and "Your label" in student_text
    # The analogy matrix: a grid, with a row for the student's own analogy.
    assert "How well each analogy fits the AI case" in student_text and "Your own analogy:" in student_text
    # The weigher: every argument with a box for its weight (chapter 6 has two weighers).
    assert student_text.count("Weight (0 to 5):") >= 10
    # The answer builder: the decision-makers to tick, and the parts, headed, with room to write.
    assert "☐ Dario Amodei" in student_text and "Sources for your grounds" in student_text
    for part in ("Claim", "Grounds", "Warrant", "Rebuttal (optional)"):
        assert f" {part} " in student_text
    # The forecasts: each question with a blank for the probability.
    assert "write how likely you think it is that the answer is yes" in student_text


def test_the_sources_list_shows_every_address(student_text):
    addresses = re.findall(r"url\s*=\s*[{\"](.+?)[}\"]", (REPO / "data" / "sources.bib").read_text(encoding="utf-8"))
    assert addresses
    # An address may wrap at the end of a line, and pdftotext drops a hyphen it finds there.
    unbroken = student_text.replace(" ", "").replace("-", "")
    for address in addresses:
        assert address.replace("-", "") in unbroken, f"{address} is not written out in the sources list"


@pytest.mark.parametrize("edition, expected", [
    ("student", [pdf_name("student")]),
    ("instructor", [pdf_name("student"), pdf_name("instructor")]),
    ("no-epilogue", [pdf_name("student", epilogue=False)]),
])
def test_the_intro_links_the_editions_pdfs_which_are_in_the_site(request, edition, expected):
    site = request.getfixturevalue({"student": "site", "instructor": "instructor_site", "no-epilogue": "no_epilogue_site"}[edition])
    intro = BeautifulSoup((site / "intro.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in intro.select(".cb-print-edition a")]
    assert links == expected
    for link in links:
        assert (site / link).read_bytes().startswith(b"%PDF-")
