"""The student edition holds no model answer anywhere in its output: not in the HTML,
the search index, copied sources or downloads. (The instructor edition is built by
`make instructor`.)"""

import html
import re
from pathlib import Path

import pytest

from support import REPO

# A solution block, fenced with backticks or colons (colon_fence is on), of any length.
SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}[^\n]*\n(?::[^\n]*\n)*\n?(.*?)^\1", re.S | re.M)


def solution_samples() -> list[tuple[str, str]]:
    """(file, a run of words) from every solution in the sources: what must not leak."""
    samples = []
    for path in sorted(REPO.glob("chapters/*.md")) + sorted(REPO.glob("exercises/*.md")):
        for _fence, body in SOLUTION.findall(path.read_text(encoding="utf-8")):
            # Without citations, other roles' targets, quote marks at line starts and inline markup.
            text = re.sub(r"\{cite:p\}`[^`]*`|\{[\w:-]+\}`[^`]*`|^\s*>|[`*]", "", body, flags=re.M)
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


def test_every_chapter_has_exercises_with_model_answers():
    files = {name for name, _ in solution_samples()}
    chapters = {path.name for path in REPO.glob("chapters/*.md")}
    assert chapters <= files, f"chapters without a model answer: {chapters - files}"


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
    page = (site / "chapters" / "01-what-was-reported.html").read_text(encoding="utf-8")
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


def test_the_two_tables_of_contents_are_in_step():
    student = (REPO / "_toc.yml").read_text().split("parts:", 1)[1].strip()
    instructor = (REPO / "_toc_instructor.yml").read_text().split("parts:", 1)[1].strip()
    assert instructor.startswith(student), "the instructor edition lists the student edition's pages first, unchanged"
    assert "instructor/teaching-note" in instructor and "instructor/" not in student
