"""Publishing the student edition: as one archive that works unpacked and opened from disk
(`make zip`), for an LMS, a course's web space or a USB stick.

    python -m casebook.publish zip [--no-epilogue] [--build-dir _build]

GitHub Pages needs nothing of this module: `make pages` hands the site's folder to
ghp-import, and .github/workflows/pages.yml builds and deploys it on a push. Only the
student edition is ever published: the instructor edition holds the model answers.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from casebook.build import REPO, edition_name, output_folder


def is_instructor_site(site: Path) -> bool:
    """Whether a built site is the instructor edition (it has the teaching note)."""
    return (site / "instructor").exists()


def make_zip(site: Path, archive: Path) -> Path:
    """The site in ``archive``, in one folder named after the archive, so that unpacking it
    makes one folder whose index.html opens the book."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"no built site in {site}: build it first (make book)")
    if is_instructor_site(site):
        raise ValueError(f"{site} is the instructor edition, with the model answers: publish only the student edition")
    folder = archive.name.removesuffix(".zip")
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for path in sorted(site.rglob("*")):
            # .buildinfo is Sphinx's record for its next build, not part of the site.
            if path.is_file() and path.name != ".buildinfo":
                out.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return archive


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Package the built student edition as one archive.")
    parser.add_argument("what", choices=["zip"])
    parser.add_argument("--no-epilogue", dest="epilogue", action="store_false", help="the edition without the epilogue")
    parser.add_argument("--build-dir", type=Path, default=REPO / "_build")
    options = parser.parse_args(arguments)
    name = edition_name("student", options.epilogue)
    archive = make_zip(output_folder(options.build_dir, "student", options.epilogue), options.build_dir / f"supplier-limits-{name}.zip")
    print(f"The {name} edition is in {archive}: unpack it anywhere and open index.html", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
