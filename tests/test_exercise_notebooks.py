"""The hand-out notebooks run in a real kernel: the instructor's with every model answer
right, the student's with its blanks left blank (each check says "not attempted yet") and
with a wrong answer (each check gives a hint, never the answer); and each edition of the
site offers the notebooks it should, and no other."""

import zipfile

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient

from casebook import handouts
from casebook.build import EPILOGUE_PAGES, NOTEBOOKS
from support import BLANK, CHECK_CALL as CHECK, EXERCISE_PAGES as PAGES, handout

pytestmark = pytest.mark.build


def execute(notebook, folder):
    """Run every cell in a fresh kernel, in ``folder`` (where my-answers.json would go)."""
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def shown(cell) -> str:
    """What a code cell showed: its printed text and the plain text of its results."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def checks(notebook, model_answers: bool = False) -> list:
    return [
        cell for cell in notebook.cells
        if cell.cell_type == "code" and CHECK.search(cell.source)
        and (handouts.MODEL_ANSWER in cell.metadata.get("tags", [])) == model_answers
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_instructor_notebook_runs_and_every_model_answer_is_right(page, tmp_path):
    notebook = execute(handout(page, instructor=True), tmp_path)
    model = checks(notebook, model_answers=True)
    assert model, "the model answers check themselves"
    wrong = [(cell.source, shown(cell)) for cell in model if "✓" not in shown(cell)]
    assert not wrong, wrong
    assert all("not attempted yet" in shown(cell) for cell in checks(notebook))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_student_notebook_runs_with_its_blanks_left_blank(page, tmp_path):
    notebook = execute(handout(page, instructor=False), tmp_path)
    found = checks(notebook)
    assert found and all("not attempted yet" in shown(cell) for cell in found), [shown(cell) for cell in found]
    assert not (tmp_path / handouts.ANSWER_FILE).exists(), "nothing is saved before the student writes"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_wrong_answer_gets_a_hint_and_never_the_answer(page, tmp_path):
    notebook = handout(page, instructor=False)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.source = BLANK.sub(lambda blank: f'{blank[1]} = pd.DataFrame({{"wrong": [1]}})', cell.source)
    notebook = execute(notebook, tmp_path)
    found = checks(notebook)
    assert found
    for cell in found:
        assert "✗" in shown(cell) and "not attempted" not in shown(cell), shown(cell)


# ------------------------------------------------------------------ the editions offer them

def download_links(site, page: str) -> list[str]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return [link["href"] for link in soup.select("p.cb-downloads a[download]")]


def exercise_pages(site) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in (site / "exercises").glob("*.html"))


def test_the_student_edition_offers_each_student_notebook_and_the_zip(site):
    pages = exercise_pages(site)
    assert [page.removesuffix(".html") for page in pages] == [f"exercises/{path.stem}" for path in PAGES]
    for page in pages:
        stem = page.removeprefix("exercises/").removesuffix(".html")
        links = download_links(site, page)
        assert links == [f"../{NOTEBOOKS}/student/{stem}.ipynb", f"../{NOTEBOOKS}/{handouts.ZIP_NAME}"]
        nbformat.validate(nbformat.read(site / NOTEBOOKS / "student" / f"{stem}.ipynb", as_version=4))
    assert not (site / NOTEBOOKS / "instructor").exists(), "the student edition has no instructor notebook"
    with zipfile.ZipFile(site / NOTEBOOKS / handouts.ZIP_NAME) as bundle:
        assert len(bundle.namelist()) == len(PAGES)


def test_the_instructor_edition_offers_the_instructor_notebooks_too(instructor_site):
    for page in exercise_pages(instructor_site):
        stem = page.removeprefix("exercises/").removesuffix(".html")
        assert f"../{NOTEBOOKS}/instructor/{stem}.ipynb" in download_links(instructor_site, page)
        notebook = nbformat.read(instructor_site / NOTEBOOKS / "instructor" / f"{stem}.ipynb", as_version=4)
        assert any(handouts.MODEL_ANSWER in cell.metadata.get("tags", []) for cell in notebook.cells)


def test_the_edition_without_the_epilogue_has_no_epilogue_notebook(no_epilogue_site):
    epilogue = [page.split("/", 1)[1] for page in EPILOGUE_PAGES if page.startswith("exercises/")]
    assert epilogue
    assert not [stem for stem in epilogue if (no_epilogue_site / NOTEBOOKS / "student" / f"{stem}.ipynb").exists()]
    with zipfile.ZipFile(no_epilogue_site / NOTEBOOKS / handouts.ZIP_NAME) as bundle:
        assert len(bundle.namelist()) == len(PAGES) - len(epilogue)
        assert not [name for name in bundle.namelist() if any(stem in name for stem in epilogue)]
