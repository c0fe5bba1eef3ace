"""The student edition holds no model answer anywhere in its output: not in the HTML,
the search index, copied sources or downloads. (The instructor edition is built by
`make instructor`.)"""

import re
from pathlib import Path

import pytest

from support import REPO

SOLUTION = re.compile(r"```\{solution\}[^\n]*\n(?::[^\n]*\n)*\n?(.*?)```", re.S)


def solution_samples() -> list[tuple[str, str]]:
    """(file, a run of words) from every solution in the sources: what must not leak."""
    samples = []
    for path in sorted(REPO.glob("chapters/*.md")) + sorted(REPO.glob("exercises/*.md")):
        for body in SOLUTION.findall(path.read_text(encoding="utf-8")):
            words = re.sub(r"\{cite:p\}`[^`]*`|[`*]", "", body).split()
            samples.append((path.name, " ".join(words[2:10])))
    return samples


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
        if sample in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))
    ]
    assert not leaks, f"model answers in the student edition: {leaks[:5]}"
    assert not (site / "_sources").exists(), "page sources (with solutions) are copied into the site"


def test_student_edition_still_has_the_exercises(site):
    page = (site / "chapters" / "01-what-was-reported.html").read_text(encoding="utf-8")
    assert "what-was-reported-ex1" in page
    assert "Compare the result with the order of the file" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))
