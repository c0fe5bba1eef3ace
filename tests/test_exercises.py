"""The exercise notebooks (exercises/): one per chapter, from the same source as the book;
their checks; the hand-out notebooks written from them; and the written answers they keep
in the answer-file format."""

import json
import re
import zipfile

import nbformat
import pytest

from casebook import answers, classroom, exercises, handouts
from casebook.widgets.written_answer import WrittenAnswer, keep_answers_in
from support import BLANK, CHECK_CALL as CHECK, EXERCISE_PAGES as PAGES, REPO, handout

pytestmark = pytest.mark.unit

CHAPTERS = sorted((REPO / "chapters").glob("*.md"))
WRITTEN = re.compile(r'WrittenAnswer\(key="([\w-]+)"\)')
EXERCISE = re.compile(r"```\{exercise(?:-start)?\}\n:label: ([\w-]+)\n(.*?)(?=```\{exercise(?:-start)?\}|\Z)", re.S)


def text(page) -> str:
    return page.read_text(encoding="utf-8")


def student_notebook(page):
    return handout(page, instructor=False)


def instructor_notebook(page):
    return handout(page, instructor=True)


def test_one_exercise_page_per_chapter_named_after_it():
    assert [page.name for page in PAGES] == [chapter.name for chapter in CHAPTERS]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_page_has_the_shape_of_an_exercise_notebook(page):
    source = text(page)
    slug = page.stem.split("-", 1)[1]
    assert source.startswith("---\njupytext:") and f"(exercises-{slug})=" in source
    assert f"{{doc}}`../chapters/{page.stem}`" in source, "it says which chapter it practises"
    exercises_here = EXERCISE.findall(source)
    assert exercises_here, "it has exercises"
    for label, body in exercises_here:
        assert label.startswith(f"{slug}-ex"), label
        assert "Practises {ref}`" in body or "Practises {doc}`" in body, f"{label} does not say which section it practises"
        assert re.search(r"```\{solution(?:-start)?\} " + re.escape(label) + r"\n", source), f"{label} has no model answer"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_each_page_has_a_data_exercise_with_a_check_and_a_written_one(page):
    source = text(page)
    assert CHECK.search(source), "no data exercise with a check"
    assert WRITTEN.search(source), "no written answer"


def test_every_check_has_an_expected_answer_and_every_expected_answer_a_check():
    import casebook.expected  # noqa: F401  (registers every expected answer)

    checked = {label for page in PAGES for label, _ in CHECK.findall(text(page))}
    assert checked == set(exercises.EXPECTED)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_checked_name_is_a_blank_in_the_student_notebook(page):
    """A data exercise leaves its answer blank (`name = ...`) before the check of that name."""
    notebook = student_notebook(page)
    blanks = {name for cell in notebook.cells if cell.cell_type == "code" for name in BLANK.findall(cell.source)}
    checked = {name for cell in notebook.cells if cell.cell_type == "code" for _, name in CHECK.findall(cell.source)}
    assert checked and checked <= blanks


def test_written_answer_keys_are_unique_across_the_book():
    keys = [key for path in PAGES + CHAPTERS for key in WRITTEN.findall(text(path))]
    assert keys and len(keys) == len(set(keys)), sorted(key for key in keys if keys.count(key) > 1)


def test_the_readme_map_lists_the_exercises():
    readme = text(REPO / "README.md")
    assert re.search(r"^exercises/\s+\S", readme, re.M), "the README's map of the repository lists exercises/"
    assert "casebook/handouts.py" in readme or "handouts.py" in readme


# ------------------------------------------------------------------ hand-out notebooks

def model_answer_texts(notebook) -> list[str]:
    """The model answers of an instructor notebook (from its "Model answer" heading to the
    next exercise's): their text and their code cells."""
    texts, inside = [], False
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(("## Exercise", "### Model answer")):
            inside = cell.source.startswith("### Model answer")
            texts.append(cell.source.removeprefix("### Model answer") if inside else "")
        elif inside:
            texts.append(cell.source)
    return [text.strip() for text in texts if text.strip()]


def samples(texts: list[str]) -> list[str]:
    """Runs of eight words from each model answer, without markup."""
    found = []
    for text in texts:
        words = re.sub(r"[*`_>]", " ", text).split()
        found += [" ".join(words[i:i + 8]) for i in range(0, max(len(words) - 8, 1), 40)]
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_student_notebook_holds_no_model_answer_and_the_instructors_all(page):
    student, instructor = student_notebook(page), instructor_notebook(page)
    model = model_answer_texts(instructor)
    assert model, "the instructor notebook has model answers"
    assert any(handouts.MODEL_ANSWER in cell.metadata.get("tags", []) for cell in instructor.cells if CHECK.search(cell.source))
    whole = " ".join(" ".join(cell.source.split()) for cell in student.cells)
    whole = re.sub(r"[*`_>]", " ", whole)
    whole = " ".join(whole.split())
    leaks = [sample for sample in samples(model) if sample in whole]
    assert not leaks, leaks[:3]
    assert "Model answer" not in whole and not any(cell.metadata.get("tags") for cell in student.cells)
    assert all(not cell.get("outputs") for cell in student.cells if cell.cell_type == "code")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_notebooks_are_plain_jupyter_markdown(page):
    """No MyST directive, label or role is left for JupyterLab to show as code."""
    for audience in (student_notebook(page), instructor_notebook(page)):
        markdown = "\n".join(cell.source for cell in audience.cells if cell.cell_type == "markdown")
        assert not re.search(r"```\{|\{(ref|doc|cite:[pt])\}`|^\([\w-]+\)=", markdown, re.M), markdown[:300]
        first_code = next(cell for cell in audience.cells if cell.cell_type == "code")
        assert first_code.source == handouts.KEEP_ANSWERS, "the answers are kept in my-answers.json from the start"


def test_handouts_are_written_with_the_zip_of_the_student_notebooks(tmp_path):
    written = handouts.write_handouts(PAGES[:2], tmp_path, instructor=True)
    assert {path.relative_to(tmp_path).as_posix() for path in written} == {
        *(f"{audience}/{page.stem}.ipynb" for audience in ("student", "instructor") for page in PAGES[:2]),
        handouts.ZIP_NAME,
    }
    with zipfile.ZipFile(tmp_path / handouts.ZIP_NAME) as bundle:
        assert sorted(bundle.namelist()) == [f"casebook-exercises/{page.stem}.ipynb" for page in PAGES[:2]]
        for page in PAGES[:2]:
            assert bundle.read(f"casebook-exercises/{page.stem}.ipynb") == (tmp_path / "student" / f"{page.stem}.ipynb").read_bytes()
    nbformat.validate(nbformat.read(tmp_path / "student" / f"{PAGES[0].stem}.ipynb", as_version=4))


def test_a_page_the_converter_cannot_turn_into_a_notebook_is_named(tmp_path):
    page = tmp_path / "99-test.md"
    header = "---\njupytext:\n  text_representation: {extension: .md, format_name: myst}\n---\n\n# Test\n\n"
    page.write_text(header + "```{note}\nA note.\n```\n\n```{code-cell} ipython3\nx = 1\n```\n")
    with pytest.raises(handouts.HandoutError, match="99-test.md: an exercise page may use the exercise and solution directives and `only` html, not note"):
        handouts.handout(page, False, {}, {})
    page.write_text(header + "```{solution-start} x\n```\n\n```{code-cell} ipython3\nx = 1\n```\n")
    with pytest.raises(handouts.HandoutError, match="99-test.md: a solution-start has no solution-end"):
        handouts.handout(page, False, {}, {})


def test_references_become_titles_with_their_chapter_and_citations_text():
    names = handouts.titles(REPO)
    assert names["reading-the-reporting-sorted"] == ("The statements, sorted", "chapter 2, *Reading the Reporting*")
    sources = {"albergotti2026": "Albergotti, 2026"}
    text = (
        "See {ref}`reading-the-reporting-sorted`, {ref}`this one <reading-the-reporting-sorted>`, "
        "{doc}`../chapters/02-reading-the-reporting`, {doc}`../my-answers` {cite:p}`albergotti2026`."
    )
    assert handouts.plain_roles(text, names, sources) == (
        "See *The statements, sorted* (chapter 2, *Reading the Reporting*), *this one* (chapter 2, *Reading the Reporting*), "
        "chapter 2, *Reading the Reporting*, *My Answers* (Albergotti, 2026)."
    )


# ------------------------------------------------------------------ written answers, handed in

@pytest.fixture
def answer_file(tmp_path, monkeypatch):
    monkeypatch.setattr("casebook.widgets.written_answer.ANSWER_FILE", None)
    return tmp_path / "my-answers.json"


def test_written_answers_keep_themselves_in_the_answer_file_and_read_it_back(answer_file):
    keep_answers_in(answer_file)
    first = WrittenAnswer(key="reading-the-reporting-ex1")
    assert not answer_file.exists(), "nothing is written before the student writes"
    first.answer = {"text": "<b>Both</b> sides rest on unnamed people."}
    saved = answers.read_answer_file(answer_file)["answers"]["reading-the-reporting-ex1"]
    assert saved["kind"] == "written-answer" and saved["state"]["text"] == "<b>Both</b> sides rest on unnamed people."
    WrittenAnswer(key="reading-the-reporting-ex2").answer = {"text": "A second answer."}
    again = WrittenAnswer(key="reading-the-reporting-ex1")  # the notebook run again
    assert again.text == "<b>Both</b> sides rest on unnamed people."
    assert set(answers.read_answer_file(answer_file)["answers"]) == {"reading-the-reporting-ex1", "reading-the-reporting-ex2"}


def test_a_file_there_that_is_not_an_answer_file_is_refused_untouched(answer_file):
    answer_file.write_text("my notes, not an answer file")
    with pytest.raises(answers.AnswerFileError, match="not a JSON file"):
        keep_answers_in(answer_file)
    assert answer_file.read_text() == "my notes, not an answer file"


def test_the_class_aggregation_reads_written_answers_as_typed(answer_file, tmp_path):
    keep_answers_in(answer_file)
    WrittenAnswer(key="reading-the-reporting-ex1").answer = {"text": "<script>alert(1)</script> stays text"}
    table = classroom.written_answers(classroom.load_class(tmp_path))
    assert table.to_dict("records") == [
        {"student_id": "Student 1", "exercise": "reading-the-reporting-ex1", "words": 3, "text": "<script>alert(1)</script> stays text"}
    ]


def test_a_notebooks_answer_file_is_the_format_every_other_reader_takes(answer_file):
    keep_answers_in(answer_file)
    WrittenAnswer(key="reading-the-reporting-ex1").answer = {"text": "An answer."}
    document = json.loads(answer_file.read_text())
    assert document["format"] == answers.FORMAT and document["version"] == answers.VERSION
    assert answers.is_valid(document)
