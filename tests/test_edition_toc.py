"""The build entry point's decisions, without building: each edition's table of contents
from _toc.yml, its folder, the edition read from the environment, and the check that
clears stale execution caches. (The built editions: test_editions.py.)"""

import pytest

from casebook import buildcache, data, edition
from casebook.build import EPILOGUE_PAGES, INSTRUCTOR_PART, edition_toc, main, output_folder, toc_pages
from support import REPO, read_yaml

pytestmark = pytest.mark.unit

TOC = read_yaml(REPO / "_toc.yml")


def test_the_student_edition_is_the_repositorys_toc_and_lists_no_instructor_page():
    assert edition_toc(TOC, "student") == TOC
    assert not [page for page in toc_pages(TOC) if page.startswith("instructor/")]


def test_the_instructor_edition_adds_its_part_after_every_student_page():
    pages = toc_pages(edition_toc(TOC, "instructor"))
    assert pages == toc_pages(TOC) + ["instructor/teaching-note", "instructor/role-sheets", "instructor/class-aggregation"]
    assert edition_toc(TOC, "instructor")["parts"][-1] == INSTRUCTOR_PART


def test_without_the_epilogue_only_the_epilogue_is_left_out():
    shorter = edition_toc(TOC, "student", epilogue=False)
    assert [page for page in toc_pages(TOC) if page not in toc_pages(shorter)] == list(EPILOGUE_PAGES)
    assert toc_pages(TOC) == toc_pages(read_yaml(REPO / "_toc.yml")), "the repository's table of contents is not changed"


def test_without_the_epilogue_a_toc_that_does_not_list_it_is_refused():
    with pytest.raises(ValueError, match="does not list chapters/09-epilogue"):
        edition_toc({"format": "jb-book", "root": "intro", "chapters": [{"file": "chapters/09-renamed"}]}, "student", epilogue=False)


def test_every_page_of_every_edition_has_a_source():
    pages = toc_pages(edition_toc(TOC, "instructor"))
    assert [page for page in pages if not (REPO / f"{page}.md").is_file()] == []


def test_each_edition_builds_into_its_own_folder(tmp_path):
    folders = {output_folder(tmp_path, "student"), output_folder(tmp_path, "instructor"), output_folder(tmp_path, "student", epilogue=False)}
    assert folders == {tmp_path / "student" / "html", tmp_path / "instructor" / "html", tmp_path / "student-no-epilogue" / "html"}


def test_the_instructor_edition_always_has_the_epilogue(capsys):
    with pytest.raises(SystemExit) as refused:
        main(["--edition", "instructor", "--no-epilogue"])
    assert refused.value.code == 2
    assert "always has the epilogue" in capsys.readouterr().err


@pytest.mark.parametrize("value, shown", [(None, True), ("yes", True), ("no", False)])
def test_the_epilogue_is_shown_unless_the_build_says_no(monkeypatch, value, shown):
    if value is None:
        monkeypatch.delenv("CASEBOOK_EPILOGUE", raising=False)
    else:
        monkeypatch.setenv("CASEBOOK_EPILOGUE", value)
    assert edition.shows_epilogue() is shown
    sources = edition.shown_sources(data.load_sources())
    assert bool(sources["epilogue"].any()) is shown
    assert len(sources[~sources["epilogue"]]) == (~data.load_sources()["epilogue"]).sum()


@pytest.mark.parametrize("variable, value", [("CASEBOOK_EPILOGUE", "No"), ("CASEBOOK_EDITION", "teacher")])
def test_a_mistyped_edition_is_refused_rather_than_guessed(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match=variable):
        edition.edition() if variable == "CASEBOOK_EDITION" else edition.shows_epilogue()


def test_a_change_to_the_package_or_data_clears_every_editions_cache(tmp_path, monkeypatch):
    stale = [tmp_path / ".jupyter_cache", tmp_path / ".jupyter_cache-no-epilogue", tmp_path / "student" / ".doctrees", tmp_path / "instructor" / "jupyter_execute"]
    for folder in stale:
        folder.mkdir(parents=True)
    site = tmp_path / "student" / "html"
    site.mkdir()
    assert buildcache.clear_stale_cache(tmp_path) is True  # never checked: stale
    assert [folder for folder in stale if folder.exists()] == [] and site.exists()
    stale[0].mkdir()
    assert buildcache.clear_stale_cache(tmp_path) is False  # nothing changed since
    assert stale[0].exists()
    monkeypatch.setattr(buildcache, "inputs_digest", lambda: "another digest")
    assert buildcache.clear_stale_cache(tmp_path) is True
    assert not stale[0].exists()
