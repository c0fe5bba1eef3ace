"""Publishing: only the student edition is ever packed or published (make zip, make pages,
the GitHub Pages workflow), and the archive unpacks into one folder that opens the book."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from casebook.publish import make_zip
from support import REPO, read_yaml

pytestmark = pytest.mark.unit


def a_site(folder, instructor=False):
    (folder / "chapters").mkdir(parents=True)
    (folder / "index.html").write_text("<!DOCTYPE html><title>the book</title>")
    (folder / "chapters" / "01.html").write_text("<!DOCTYPE html><title>a chapter</title>")
    (folder / ".buildinfo").write_text("Sphinx's own record")
    if instructor:
        (folder / "instructor").mkdir()
        (folder / "instructor" / "teaching-note.html").write_text("<!DOCTYPE html><title>teaching note</title>")
    return folder


def test_the_archive_unpacks_into_one_folder_that_opens_the_book(tmp_path):
    archive = make_zip(a_site(tmp_path / "site"), tmp_path / "out" / "supplier-limits-student.zip")
    with zipfile.ZipFile(archive) as packed:
        names = sorted(packed.namelist())
    assert names == ["supplier-limits-student/chapters/01.html", "supplier-limits-student/index.html"]


def test_the_instructor_edition_is_never_packed(tmp_path):
    with pytest.raises(ValueError, match="instructor edition"):
        make_zip(a_site(tmp_path / "site", instructor=True), tmp_path / "supplier-limits-student.zip")
    assert not (tmp_path / "supplier-limits-student.zip").exists()


def test_the_pages_workflow_builds_and_publishes_the_student_edition_only():
    workflow = read_yaml(REPO / ".github" / "workflows" / "pages.yml")
    steps = workflow["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "casebook.build --edition student --pdf" in commands and "instructor" not in commands
    uploads = [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert uploads == ["_build/student/html"]


def test_make_pages_publishes_the_student_edition_only():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^pages:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert "ghp-import" in recipe and "_build/student" in recipe and "instructor" not in recipe


def test_ghp_import_commits_the_site_to_gh_pages_with_no_jekyll(tmp_path):
    """`make pages` as it runs, less the push: the site, and the .nojekyll without which
    GitHub Pages would hide the _static folder, on the gh-pages branch."""
    site = a_site(tmp_path / "site")
    repository = tmp_path / "repository"
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    ghp_import = shutil.which("ghp-import", path=str(Path(sys.executable).parent))
    assert ghp_import, "ghp-import is not installed with the requirements"
    subprocess.run([ghp_import, "--no-jekyll", "--message", "Publish the student edition", str(site)], cwd=repository, check=True)
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=repository, capture_output=True, text=True, check=True)
    assert files.stdout.split() == [".buildinfo", ".nojekyll", "chapters/01.html", "index.html"]
