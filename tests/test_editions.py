"""What each edition holds. The student edition has no model answer anywhere in its
output (HTML, search index, copied sources, downloads) and no teaching note; the
instructor edition has both; the edition without the epilogue holds nothing dated after
17 February 2026: no page, source (Sources page, search index, saved widget state) or
answer-builder option. Every edition is built by `python -m casebook.build`."""

import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file
from sphinx.search.en import SearchEnglish

from casebook import data
from casebook.build import EPILOGUE_PAGES, INSTRUCTOR_PART, toc_pages
from support import REPO, site_pages

pytestmark = pytest.mark.build

# A solution block, fenced with backticks or colons (colon_fence is on), of any length;
# and a gated solution, from solution-start to solution-end, code cells and all.
SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}[^\n]*\n(?::[^\n]*\n)*\n?(.*?)^\1", re.S | re.M)
GATED_SOLUTION = re.compile(r"^```\{solution-start\}[^\n]*\n(?::[^\n]*\n)*```\n(.*?)^```\{solution-end\}", re.S | re.M)
CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```", re.S | re.M)


def solution_samples() -> list[tuple[str, str]]:
    """(file, a run of words) from every solution in the sources: what must not leak."""
    samples = []
    for path in sorted(REPO.glob("chapters/*.md")) + sorted(REPO.glob("exercises/*.md")):
        source = path.read_text(encoding="utf-8")
        bodies = [body for _fence, body in SOLUTION.findall(source)] + [CODE_CELL.sub("", body) for body in GATED_SOLUTION.findall(source)]
        for body in bodies:
            # Without citations, other roles' targets, quote marks at line starts and inline markup.
            # List markers too, which the HTML shows as bullets and numbers, not text.
            text = re.sub(r"\{cite:p\}`[^`]*`|\{[\w:-]+\}`[^`]*`|^\s*>|^\s*(?:[-*]|\d+\.)\s|[`*]", "", body, flags=re.M)
            words = text.split()
            samples.append((path.name, plain(" ".join(words[2:10]))))
    return samples


def plain(text: str) -> str:
    """Text without tags or entities, with straight quotes, on one line: for searching.

    Sphinx turns straight quotes into curly ones, so both sides are compared this way.
    """
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    # A tag closed before punctuation ("<code>accept</code>,") must not leave a space in front of it.
    return re.sub(r"\s+([,.;:!?)])", r"\1", re.sub(r"\s+", " ", text))


def output_texts(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in {".html", ".js", ".txt", ".md", ".ipynb", ".json"}
    }


def test_every_chapters_exercises_have_model_answers():
    files = {name for name, _ in solution_samples()}
    chapters = {path.name for path in REPO.glob("chapters/*.md")}
    assert chapters <= files, f"exercise pages without a model answer: {chapters - files}"
    assert len(solution_samples()) >= 2 * len(chapters)


def test_student_edition_has_no_model_answer_anywhere(site):
    texts = output_texts(site)
    assert any(name.startswith("searchindex") for name in texts)
    leaks = [
        (source, sample, name)
        for source, sample in solution_samples()
        for name, text in texts.items()
        if sample in plain(text)
    ]
    assert not leaks, f"model answers in the student edition: {leaks[:5]}"
    assert not (site / "_sources").exists(), "page sources (with solutions) are copied into the site"


def test_student_edition_still_has_the_exercises(site):
    page = (site / "exercises" / "01-what-was-reported.html").read_text(encoding="utf-8")
    assert "what-was-reported-ex1" in page
    assert "Compare the result with the order of the file" in plain(page)


TEACHING_NOTE = REPO / "instructor" / "teaching-note.md"
ROLE_SHEETS = REPO / "instructor" / "role-sheets.md"


def teaching_note_samples(page: Path = TEACHING_NOTE) -> list[str]:
    """Runs of eight words from an instructor page's paragraphs and table cells (before any MyST role).

    Lines of raw HTML (the role sheets' print layout) are markup, not text, and are skipped."""
    samples = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if "<" in line:
            continue
        text = max(line.split("|"), key=len) if line.startswith("|") else line
        words = re.sub(r"[*`]", " ", text.split("{")[0]).split()
        if len(words) >= 12:
            samples.append(plain(" ".join(words[3:11])))
    return samples[::3]


def test_student_edition_has_no_teaching_note(site):
    texts = output_texts(site)
    samples = teaching_note_samples() + teaching_note_samples(ROLE_SHEETS)
    assert len(samples) >= 16
    leaks = [(sample, name) for sample in samples for name, text in texts.items() if sample in plain(text)]
    assert not leaks, f"teaching note or role sheet text in the student edition: {leaks[:5]}"
    for name in ("teaching-note*", "role-sheets*", "class-aggregation*"):
        assert not list(site.rglob(name)), f"{name} is in the student edition"


def test_instructor_edition_shows_every_solution_and_the_teaching_note(instructor_site):
    pages = {name: plain(text) for name, text in output_texts(instructor_site).items() if name.endswith(".html")}
    everything = " ".join(pages.values())
    missing = [(source, sample) for source, sample in solution_samples() if sample not in everything]
    assert not missing, f"solutions missing from the instructor edition: {missing[:5]}"
    note = pages["instructor/teaching-note.html"]
    assert all(sample in note for sample in teaching_note_samples())
    sheets = pages["instructor/role-sheets.html"]
    assert all(sample in sheets for sample in teaching_note_samples(ROLE_SHEETS))
    assert "instructor/class-aggregation.html" in pages


def test_the_instructor_edition_lists_the_student_pages_then_the_instructors_part(site, instructor_site):
    assert set(site_pages(instructor_site)) == set(site_pages(site)) | {f"{page}.html" for page in toc_pages(INSTRUCTOR_PART)}
    navigation = BeautifulSoup((instructor_site / "intro.html").read_text(encoding="utf-8"), "html.parser").find("nav", class_="bd-docs-nav")
    assert INSTRUCTOR_PART["caption"] in navigation.get_text()


# ------------------------------------------------------------------ without the epilogue

# The case is taught as Semafor reported it on 17 February 2026; what came later is the epilogue's.
# The pages before the epilogue, as written (the chapters, and the pages around them).
EARLIER_PAGES = [path for path in sorted(REPO.glob("*/*.md")) if path.parent.name in ("chapters", "exercises") and f"{path.parent.name}/{path.stem}" not in EPILOGUE_PAGES] + [
    REPO / "intro.md", REPO / "my-answers.md", REPO / "references.md"
]
CASE_DATE = (2026, 2, 17)
MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# "17 February 2026", "25–26 Feb 2026", "March 3, 2026", "March 2026"; and 2026-03-03.
WRITTEN_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:[–-](\d{{1,2}}))?\s+)?{MONTH}\.?(?:\s+(\d{{1,2}}),)?\s+(20\d\d)\b")
ISO_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def dates_after_the_case(text: str) -> list[str]:
    """Every date in ``text`` later than 17 February 2026. A month alone counts when the whole
    month is later; the end of a window that opened by then ("17 Feb 2026 – 31 Dec 2026",
    for an event then planned) does not."""
    found, previous = [], None
    for match in WRITTEN_DATE.finditer(text):
        first_day, last_day, month, american_day, year = match.groups()
        day = last_day or first_day or american_day
        when = (int(year), MONTHS.index(month[:3].lower()) + 1) + ((int(day),) if day else ())
        later = when > CASE_DATE[: len(when)]
        ends_a_window = previous is not None and not previous[1] and re.fullmatch(r"\s*[–-]\s*", text[previous[0]: match.start()])
        if later and not ends_a_window:
            found.append(match.group(0))
        previous = (match.end(), later)
    found += [match.group(0) for match in ISO_DATE.finditer(text) if tuple(map(int, match.groups())) > CASE_DATE]
    return found


def page_dates(site: Path) -> dict[str, list[str]]:
    """The later dates each page shows in its text, titles and alternative texts; not in its
    footers, which say when the site was built."""
    found = {}
    for page in site_pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for footer in soup.find_all("footer"):
            footer.decompose()
        main = soup.body
        texts = [soup.title.get_text(), main.get_text(" ")]
        texts += [element[attribute] for attribute in ("title", "alt") for element in main.find_all(attrs={attribute: True})]
        dates = [date for text in texts for date in dates_after_the_case(text)]
        if dates:
            found[page] = dates
    return found


def widget_states(site: Path) -> str:
    """Every anywidget's saved state on every page, as JSON text (without its front-end code)."""
    states = []
    for page in site_pages(site):
        script = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").find(
            "script", type="application/vnd.jupyter.widget-state+json"
        )
        for model in json.loads(script.string)["state"].values() if script else []:
            if model["model_module"] == "anywidget":
                states.append({name: value for name, value in model["state"].items() if name not in ("_esm", "_css")})
    return json.dumps(states)


def search_index(site: Path) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def index_pages(site: Path) -> list[str]:
    """Every page Sphinx's search index knows."""
    return search_index(site)["docnames"]


def search_terms(site: Path, page: str) -> set[str]:
    """The words Sphinx's search index holds for one page."""
    index = search_index(site)
    number = index["docnames"].index(page)
    return {term for term, pages in index["terms"].items() if number == pages or (isinstance(pages, list) and number in pages)}


def source_words(later: bool) -> set[str]:
    """The words of every field of the later (or the earlier) entries of data/sources.bib."""
    entries = parse_file(REPO / "data" / "sources.bib").entries.values()
    texts = [
        text
        for entry in entries if ("epilogue" in entry.fields.get("keywords", "")) == later
        for text in list(entry.fields.values()) + [str(person) for people in entry.persons.values() for person in people]
    ]
    return stems(texts)


def stems(texts) -> set[str]:
    """Words as Sphinx's English search index keeps them."""
    language = SearchEnglish({})
    return {language.stem(word) for text in texts for word in language.split(text) if language.word_filter(word) and not word.isdigit()}


def later_material(site: Path) -> dict[str, list]:
    """Everything in a built edition that was reported after 17 February 2026, by kind."""
    sources = data.load_sources()
    later, earlier = sources[sources["epilogue"]], sources[~sources["epilogue"]]
    states = widget_states(site)
    resolutions = data.load_forecasts()["resolution"]
    # Words that only the forecasts' resolutions use, and no page of the book before the
    # epilogue (of three letters or more: "D.C." leaves a "d" that any page may index).
    resolution_words = {word for word in stems(resolutions) if len(word) > 2} - stems([path.read_text(encoding="utf-8") for path in EARLIER_PAGES] + list(data.load_forecasts()["question"]))
    # Words that only the later sources use, and the Sources page's own text does not.
    later_words = source_words(later=True) - source_words(later=False) - stems([(REPO / "references.md").read_text(encoding="utf-8")])
    return {
        "pages": [page for page in site_pages(site) if page.removesuffix(".html") in EPILOGUE_PAGES],
        "dates": sorted(page_dates(site).items()),
        # (entries beyond the earlier sources' number)
        "sources on the Sources page": len(BeautifulSoup((site / "references.html").read_text(encoding="utf-8"), "html.parser").find_all(class_="citation")) - len(earlier),
        "sources in the search index": sorted(later_words & search_terms(site, "references")),
        "sources in the widgets' state": [key for key in later.index if f'"{key}"' in states],
        # How each forecast question resolved: in the widgets' state (as json.dumps writes
        # it there), in any page's text, or in the search index.
        "forecast resolutions in the widgets' state": [key for key, text in resolutions.items() if json.dumps(text)[1:-1] in states],
        "forecast outcomes in the widgets' state": states.count('"outcome"'),
        "forecast resolutions in the pages": [
            page for page in site_pages(site)
            if any(text[:60] in BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").get_text(" ") for text in resolutions)
        ],
        "forecast resolutions in the search index": sorted(resolution_words & {term for page in index_pages(site) for term in search_terms(site, page)}),
    }


def test_the_date_check_finds_every_way_of_writing_a_later_date():
    text = (
        "On 17 February 2026, in February 2026 and on 2026-02-17 nothing. Later: 25–26 February 2026, "
        "18 Feb 2026, March 2026, March 3, 2026, 2026-03-03 and 1 January 2027; earlier: 9 September 2023; "
        "planned then: 17 Feb 2026 – 31 Dec 2026; planned later: 3 Mar 2026 – 31 Dec 2026."
    )
    assert dates_after_the_case(text) == [
        "25–26 February 2026", "18 Feb 2026", "March 2026", "March 3, 2026", "1 January 2027", "3 Mar 2026", "31 Dec 2026", "2026-03-03",
    ]


def test_the_check_finds_the_epilogue_in_the_edition_that_has_it(site):
    """The check below can fail: in the full edition it finds the epilogue in every kind of place."""
    found = later_material(site)
    assert found["pages"] == [f"{page}.html" for page in EPILOGUE_PAGES]
    assert "references.html" in dict(found["dates"])
    assert found["sources on the Sources page"] == data.load_sources()["epilogue"].sum()
    assert len(found["sources in the search index"]) >= 10
    assert found["sources in the widgets' state"] == list(data.load_sources().query("epilogue").index)
    forecasts = data.load_forecasts()
    assert found["forecast resolutions in the widgets' state"] == list(forecasts.index)
    assert found["forecast outcomes in the widgets' state"] == len(forecasts)
    assert found["forecast resolutions in the search index"]


def test_the_edition_without_the_epilogue_holds_nothing_reported_after_17_february_2026(no_epilogue_site):
    found = later_material(no_epilogue_site)
    assert found == {
        "pages": [], "dates": [], "sources on the Sources page": 0, "sources in the search index": [], "sources in the widgets' state": [],
        "forecast resolutions in the widgets' state": [], "forecast outcomes in the widgets' state": 0,
        "forecast resolutions in the pages": [], "forecast resolutions in the search index": [],
    }


def test_the_edition_without_the_epilogue_still_has_every_earlier_source_and_option(no_epilogue_site):
    earlier = data.load_sources().query("not epilogue").index
    states = widget_states(no_epilogue_site)
    assert [key for key in earlier if f'"{key}"' not in states] == []
    builder = (no_epilogue_site / "chapters" / "08-build-your-answer.html").read_text(encoding="utf-8")
    assert "albergotti2026" in builder
