"""The case's fixed lists, said once: who decides, what each may decide, and the ethical lenses.

The answer-file schema (answers.schema.json), the widgets, the lens readings in
data/lens_readings.csv, the demo class and the chapters take them from here;
tests/test_vocabulary.py holds the schema to them.
"""

from __future__ import annotations

# The two decisions the case forces, each cast on a person the article names, with four
# options the casebook constructs from reported facts (chapter 8 says which fact each rests on). The
# values are what an answer file stores as "role" and "decision".
ROLES = (
    {
        "value": "anthropic",
        "name": "Dario Amodei, Anthropic's CEO",
        "question": "Should Anthropic supply Claude to the military, and on what terms?",
        "options": (
            {"value": "sign", "label": "Sign the \u201call lawful uses\u201d contract"},
            {"value": "hold", "label": "Hold out for the two carve-outs"},
            {"value": "narrower", "label": "Propose narrower, precisely defined limits"},
            {"value": "withdraw", "label": "Step back from military work"},
        ),
    },
    {
        "value": "pentagon",
        "name": "Pete Hegseth, Defense Secretary",
        "question": "How should the department answer Anthropic's limits?",
        "options": (
            {"value": "accept", "label": "Negotiate limits into the contract that the department can plan around"},
            {"value": "other-suppliers", "label": "Hold to \u201call lawful uses\u201d and move the work to other suppliers"},
            {"value": "restrict", "label": "Restrict or end Anthropic's use across the military now"},
            {"value": "designate", "label": "Seek a supply chain risk designation, through the statute's procedure"},
        ),
    },
)
ROLE_NAMES = {role["value"]: role["name"] for role in ROLES}
DECISIONS = {option["value"]: option["label"] for role in ROLES for option in role["options"]}
DECISION_ROLE = {option["value"]: role["value"] for role in ROLES for option in role["options"]}

# Version 2 of the answer file stored the decision-maker's name rather than an id, and
# offered the Pentagon only "designate" or "not-designate". Migration maps the names to
# ids and keeps a retired choice, in words, as the answer's earlier_choice.
V2_ROLES = {"Anthropic's leadership": "anthropic", "The Pentagon's leadership": "pentagon"}
V2_RETIRED_DECISIONS = {"not-designate": "Do not treat a supplier's usage limits as a supply chain risk"}
# Every option version 2 offered: the retired one, and those still offered under the same id.
V2_DECISIONS = ("sign", "hold", "narrower", "designate", *V2_RETIRED_DECISIONS)

# The six lenses of the Markkula Center's framework, in its order (chapter 7).
LENSES = {
    "rights": "Rights",
    "justice": "Justice",
    "utilitarian": "Utilitarian",
    "common-good": "Common good",
    "virtue": "Virtue",
    "care": "Care ethics",
}

# ------------------------------------------------------------------ the reporting

# The kinds of statement in the source check (chapter 2), with their display names.
STATEMENT_LABELS = {
    "reported-fact": "Reported fact",
    "on-record-claim": "On-record claim",
    "anonymous-claim": "Anonymous-source claim",
    "denial": "Denial",
    "opinion": "Opinion or analysis",
}

# Who stands behind a timeline row (a row may have several), with their display names.
SOURCING_KINDS = {
    "on-record": "on-record statement",  # a named person or a spokesman, on the record
    "anonymous-official": "anonymous official",  # an official who is not named
    "people-familiar": "people familiar",  # "people familiar with the matter"
    "people-briefed": "people briefed",  # "people briefed on the matter": told by others
    "other-outlet": "another outlet's report",  # e.g. Axios
    "earlier-report": "Semafor's earlier report",  # "Semafor previously reported"
    "reporter": "the reporter's own account",
}

# How a timeline date is known.
DATE_BASES = {
    "stated": "stated in the article",
    "inferred": "inferred",
    "report-date": "only the date of a report",  # which is not when the event happened
}

# Whose words an argument is.
ARGUMENT_BASES = {
    "own-words": "in their own words",  # a party's, named or speaking for an organisation
    "anonymous": "speaking anonymously",
    "reported": "as reported by others",
    "reporter": "the reporter's description",
    "opinion": "the columnist's opinion",
    "casebook": "the casebook's own reasoning",
}

# How well an event of the epilogue is corroborated.
CORROBORATION = {
    "primary": "primary document",  # a statement, a court order
    "two-reports": "two or more reports",  # at least two independent reports
    "single-report": "a single report",  # one outlet, which the book must name
}

# ------------------------------------------------------------------ the students' scales

# An argument's weight in the weigher, 0 to 5.
WEIGHTS = ("irrelevant", "minor", "some weight", "important", "strong", "decisive")

# How well an analogy fits the AI case on a dimension, 0 to 4.
FIT = ("not at all", "barely", "partly", "mostly", "fully")

# ------------------------------------------------------------------ the widgets

# The kinds of answer a widget keeps, with their display names. A kind's id is its
# Python class's `_kind` (casebook/widgets/), the name of its front-end module
# (casebook/widgets/src/kinds/<id>.js) and the `kind` of its answers in an answer file.
KINDS = {
    "argument-weigher": "Argument weigher",
    "analogy-matrix": "Analogy fit matrix",
    "source-check": "Source check",
    "answer-builder": "Answer builder",
    "forecast": "Forecasts",
    "written-answer": "Written answer",
}
