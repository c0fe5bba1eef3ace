"""The exercise notebooks to hand out, written from the same sources as the book's pages.

For every exercise page (exercises/NN-slug.md) this writes a plain Jupyter notebook for
students, with no model answer and outputs cleared, ready to run, and one for
instructors with everything; and one zip of all the student notebooks, for uploading
to a JupyterHub or an LMS. The book's MyST becomes plain Jupyter markdown: an exercise
becomes a heading, a model answer a heading of its own (instructor notebook) or nothing
(student notebook), and cross-references become the titles they point to.

    python -m casebook.handouts OUTPUT_FOLDER [--instructor]

casebook.build writes them before each edition's build, into the folder the site's
download links point to (notebooks/).
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from pathlib import Path

import jupytext
import nbformat

REPO = Path(__file__).resolve().parent.parent
ANSWER_FILE = "my-answers.json"
ZIP_NAME = "exercises-student.zip"
# The tag of every cell of a model answer in the instructor notebook (the tests run them).
MODEL_ANSWER = "model-answer"

DIRECTIVE = re.compile(r"^```\{(?P<name>[\w-]+)\}\s*(?P<argument>.*)$")
TARGET = re.compile(r"^\((?P<label>[\w-]+)\)=\s*$")
ROLE = re.compile(r"\{(?P<role>ref|doc|cite:p|cite:t)\}`(?P<content>[^`]*)`")
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^>]+)>$")

SETUP = f"""Run the cells in order, this one first (or Run ▸ Run All Cells): each answer box
appears when its cell runs. Your written answers are saved as you type, in `{ANSWER_FILE}`
beside this notebook: that file is what you hand in. (It is a casebook answer file, so the
My answers page of the casebook's site can also import it.)"""
KEEP_ANSWERS = f'from casebook.exercises import keep_answers_in\n\nkeep_answers_in("{ANSWER_FILE}")'


class HandoutError(ValueError):
    """An exercise page the converter cannot turn into a notebook; the message says where."""


def titles(source: Path) -> dict[str, tuple[str, str]]:
    """For turning references into text: each labelled section (``(label)=`` before a
    heading) and each page (its path without .md), as (its title, where it is: "chapter 5,
    *Two Analogies*" for a chapter's section, or "" )."""
    found = {}
    for page in sorted(source.glob("*.md")) + sorted(source.glob("*/*.md")):
        name = page.relative_to(source).with_suffix("").as_posix()
        lines = page.read_text(encoding="utf-8").splitlines()
        title = next((line.lstrip("#").strip() for line in lines if line.startswith("# ")), name)
        chapter = re.match(r"chapters/(\d+)-", name)
        where = f"chapter {int(chapter[1])}, *{title}*" if chapter else ""
        found[name] = (title, "")
        for number, line in enumerate(lines[:-1]):
            if (target := TARGET.match(line)) and lines[number + 1].startswith("#"):
                section = lines[number + 1].lstrip("#").strip()
                found[target["label"]] = (section, "" if section == title else where)
        if chapter:
            found[name] = (title, where)
    return found


def plain_roles(text: str, names: dict[str, tuple[str, str]], sources: dict[str, str]) -> str:
    """References as the titles they point to (in italics), with the chapter they are in, so
    that a student can find them in the book; citations as (Author, year)."""

    def replace(match: re.Match) -> str:
        role, content = match["role"], match["content"]
        if role.startswith("cite"):
            cited = "; ".join(sources.get(key.strip(), key.strip()) for key in content.split(","))
            return f"({cited})" if role == "cite:p" else cited
        explicit = EXPLICIT.match(content)
        target = explicit["target"] if explicit else content
        if role == "doc":  # relative to the page, e.g. ../chapters/02-reading-the-reporting
            target = re.sub(r"^(\.\./)+", "", target)
        title, where = names.get(target, (target, ""))
        shown = explicit["text"] if explicit else title
        if role == "doc" and where and not explicit:
            return where
        return f"*{shown}*" + (f" ({where})" if where else "")

    return ROLE.sub(replace, text)


class Converter:
    """Turns an exercise page's cells into a hand-out notebook's, one cell at a time, since
    a gated solution (solution-start to solution-end) spans cells."""

    def __init__(self, page: str, instructor: bool):
        self.page = page
        self.instructor = instructor
        # Between solution-start and solution-end: the student notebook drops what is
        # there, text and code cells alike; the instructor notebook tags its code cells.
        self.solution_open = False
        self.exercises = 0

    def markdown(self, text: str) -> list[str]:
        """The plain markdown cells this cell becomes: each exercise and each model answer
        starts a cell of its own, as does the text after it (empty cells are dropped)."""
        parts, lines = [[]], iter(text.splitlines())
        for line in lines:
            directive = DIRECTIVE.match(line)
            if not directive:
                if not (self.solution_open and not self.instructor) and not TARGET.match(line):
                    parts[-1].append(line)
                continue
            body = self.read_block(lines, directive["name"])
            parts += [self.directive(directive["name"], directive["argument"].strip(), body), []]
        texts = (re.sub(r"\n{3,}", "\n\n", "\n".join(part)).strip() for part in parts)
        return [text for text in texts if text]

    def read_block(self, lines, name: str) -> list[str]:
        """The body of a directive, up to its closing fence, without its options (:label: …)."""
        body = []
        for line in lines:
            if line.strip() == "```":
                return body
            if body or not re.match(r"^:[\w-]+:", line):
                body.append(line)
        raise HandoutError(f"{self.page}: the {name} directive is not closed with ```")

    def directive(self, name: str, argument: str, body: list[str]) -> list[str]:
        if name == "only" and argument.startswith("html"):  # what the site says of itself
            return []
        if name in ("exercise", "exercise-start"):
            if self.solution_open:
                raise HandoutError(f"{self.page}: an exercise starts inside a solution")
            self.exercises += 1
            return [f"## Exercise {self.exercises}", "", *body]
        if name == "exercise-end":
            return []
        if name in ("solution", "solution-start"):
            self.solution_open = name == "solution-start"
            return ["### Model answer", "", *body] if self.instructor else []
        if name == "solution-end":
            self.solution_open = False
            return []
        raise HandoutError(
            f"{self.page}: an exercise page may use the exercise and solution directives and `only` html, not {name} {argument}".rstrip()
        )


def handout(page: Path, instructor: bool, names: dict[str, tuple[str, str]], sources: dict[str, str]) -> nbformat.NotebookNode:
    """The hand-out notebook of one exercise page: for students (no model answer) or instructors."""
    book = jupytext.read(page)
    converter = Converter(page.name, instructor)
    cells = []
    for cell in book.cells:
        if cell.cell_type == "markdown":
            cells += [nbformat.v4.new_markdown_cell(plain_roles(text, names, sources)) for text in converter.markdown(cell.source)]
        elif not converter.solution_open:
            cells.append(nbformat.v4.new_code_cell(cell.source))
        elif instructor:
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata={"tags": [MODEL_ANSWER]}))
    if converter.solution_open:
        raise HandoutError(f"{page.name}: a solution-start has no solution-end")
    first_code = next(index for index, cell in enumerate(cells) if cell.cell_type == "code")
    cells[first_code:first_code] = [nbformat.v4.new_markdown_cell(SETUP), nbformat.v4.new_code_cell(KEEP_ANSWERS)]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nbformat.validate(notebook)
    return notebook


def write_handouts(pages: list[Path], folder: Path, instructor: bool, source: Path = REPO) -> list[Path]:
    """Write student/NN-slug.ipynb for every page (and instructor/NN-slug.ipynb when
    ``instructor``) into ``folder``, and the zip of the student notebooks; the files written."""
    from casebook import data

    names = titles(source)
    sources = data.load_sources()["label"].to_dict()
    written = []
    for audience in ("student", "instructor") if instructor else ("student",):
        (folder / audience).mkdir(parents=True, exist_ok=True)
        for page in pages:
            path = folder / audience / f"{page.stem}.ipynb"
            nbformat.write(handout(page, audience == "instructor", names, sources), path)
            written.append(path)
    archive = folder / ZIP_NAME
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for page in pages:
            bundle.write(folder / "student" / f"{page.stem}.ipynb", f"casebook-exercises/{page.stem}.ipynb")
    return written + [archive]


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the hand-out notebooks of every exercise page.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--instructor", action="store_true", help="also write the instructor notebooks (with model answers)")
    options = parser.parse_args(arguments)
    for path in write_handouts(sorted((REPO / "exercises").glob("*.md")), options.folder, options.instructor):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
