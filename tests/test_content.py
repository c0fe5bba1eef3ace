"""The chapters follow the casebook's rules: one shape for every chapter, every citation
in sources.bib, and every quotation word for word in its source."""

import re

import pytest

from casebook import data
from casebook.build import toc_pages
from support import REPO, read_yaml
from quotations import ARTICLE, BACKGROUND, data_quotations, needs_article, normalised, quoted_in_text_cells

pytestmark = pytest.mark.unit

CHAPTERS = sorted(REPO.glob("chapters/*.md"))
EXERCISES = sorted(REPO.glob("exercises/*.md"))
PAGES = CHAPTERS + EXERCISES + [REPO / "intro.md", REPO / "my-answers.md"] + sorted(REPO.glob("instructor/*.md"))
CITATION = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
FENCED = re.compile(r"```.*?```", re.S)  # code cells, exercises, solutions, admonitions' fences
INLINE_CODE = re.compile(r"`[^`\n]*`")
QUOTE = re.compile(r'"([^"\n]{3,}?)"')


def prose(path) -> str:
    """A page's running text: no front matter, code cells, exercises or solutions."""
    text = path.read_text(encoding="utf-8").split("---", 2)[-1] if path.read_text().startswith("---") else path.read_text()
    return FENCED.sub(lambda block: block.group(0) if block.group(0).startswith("```{admonition}") else "", text)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_the_casebook_shape(path):
    text = path.read_text(encoding="utf-8")
    slug = path.stem.split("-", 1)[1]
    assert text.startswith("---\njupytext:"), "a MyST notebook with a jupytext header"
    assert f"({slug})=" in text, "the label is the file name without its number"
    assert "**What you will learn**" in text
    assert "## Questions for discussion" in text
    # The exercises are on their own page (exercises/), which the chapter links to.
    assert "## Exercises" in text and f"{{doc}}`../exercises/{path.stem}`" in text
    assert "{exercise" not in text and "{solution" not in text


def test_the_toc_lists_every_chapter_in_order():
    listed = [page for page in toc_pages(read_yaml(REPO / "_toc.yml")) if page.startswith("chapters/")]
    assert listed == [f"chapters/{path.stem}" for path in CHAPTERS]


def test_every_cited_key_is_in_sources_bib():
    keys = set(data.load_sources().index)
    cited = {key.strip() for path in PAGES for group in CITATION.findall(path.read_text()) for key in group.split(",")}
    assert cited and cited <= keys, f"unknown citation keys: {cited - keys}"


def test_sources_marked_epilogue_are_exactly_those_reported_later():
    """keywords = {epilogue} in sources.bib marks what an edition without the epilogue leaves out."""
    sources = data.load_sources()
    later = set(sources.index[sources["epilogue"]])
    before = [path for path in CHAPTERS + EXERCISES if "epilogue" not in path.name] + [REPO / "intro.md"]
    cited_before = {key.strip() for path in before for group in CITATION.findall(path.read_text()) for key in group.split(",")}
    assert not cited_before & later, f"the case before 17 February cites later sources: {cited_before & later}"
    in_epilogue = {key for keys in data.load_epilogue()["source_ids"] for key in keys}
    assert in_epilogue <= later, f"sources of the epilogue not marked epilogue: {in_epilogue - later}"


def quotations() -> list[tuple[str, str]]:
    found = []
    for path in PAGES:
        for quote in QUOTE.findall(INLINE_CODE.sub("", CITATION.sub("", prose(path)))):
            found.append((path.name, quote))
    return found


@needs_article
@pytest.mark.parametrize("page, quote", quotations(), ids=lambda v: str(v)[:40])
def test_quotation_in_the_chapters_is_word_for_word_in_a_source(page, quote):
    sources = normalised(ARTICLE.read_text(encoding="utf-8")) + " " + normalised(BACKGROUND.read_text(encoding="utf-8"))
    assert normalised(quote) in sources, f"{page}: {quote!r} is not in the article or the background sources"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_dollar_sign_would_turn_prose_into_math(path):
    assert "$" not in prose(path)


def article_words_quoted() -> tuple[int, int]:
    """How many of the article's words the casebook quotes anywhere (pages and data), and how many it has.

    Each quotation is found where it first occurs in the article; a word quoted twice counts once.
    """
    article = normalised(ARTICLE.read_text(encoding="utf-8")).split()
    quoted = [0] * len(article)
    texts = [words for _, words in quotations()]
    texts += [quote for _, _, quote, _ in data_quotations()] + [words for _, _, words in quoted_in_text_cells()]
    for text in texts:
        words = normalised(text).split()
        starts = (i for i in range(len(article) - len(words) + 1) if article[i:i + len(words)] == words)
        start = next(starts, None)
        if words and start is not None:
            quoted[start:start + len(words)] = [1] * len(words)
    return sum(quoted), len(article)


@needs_article
def test_quotations_together_stay_under_a_tenth_of_the_article():
    """shared/source/README.md: all quotations together stay under a tenth of the article."""
    quoted, total = article_words_quoted()
    assert quoted < total / 10, f"the casebook quotes {quoted} of the article's {total} words; paraphrase more"


# The casebook is written in its own words: runs of eight or more words found in the
# article count as copied, quoted or not (shared/hooks/copy-check.py measures the same).
RUN = 8
CONTENT = PAGES + [REPO / "references.md"] + sorted(REPO.glob("data/*"))


def article_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", normalised(text))


def words_copied(text: str, runs: set) -> int:
    """How many words of ``text`` lie in a run of RUN words that the article also has."""
    words = article_words(text)
    copied = set()
    for i in range(len(words) - RUN + 1):
        if tuple(words[i:i + RUN]) in runs:
            copied.update(range(i, i + RUN))
    return len(copied)


@needs_article
def test_the_casebook_copies_under_a_tenth_of_the_article_word_for_word():
    article = article_words(ARTICLE.read_text(encoding="utf-8"))
    runs = {tuple(article[i:i + RUN]) for i in range(len(article) - RUN + 1)}
    copied = {path.relative_to(REPO).as_posix(): words_copied(path.read_text(encoding="utf-8"), runs) for path in CONTENT}
    worst = sorted(((n, name) for name, n in copied.items() if n), reverse=True)[:5]
    assert sum(copied.values()) < len(article) / 10, f"{sum(copied.values())} words copied from the article's {len(article)}; most in: {worst}"
