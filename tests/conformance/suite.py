"""The cases of answer-format.json, and how to judge what an implementation made of them.

tests/test_conformance.py runs the cases against Python, tests/browser/test_bundle_conformance.py
against the bundle in Chromium; both hand their results to the `check_*` functions here,
so that the two are judged by the same rules.
"""

import json
import math
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "answer-files"
CASES = json.loads((HERE / "answer-format.json").read_text(encoding="utf-8"))
SCHEMA_ERROR = "This answer file does not match the answer-file format: at "


def names(section: str) -> list[str]:
    """The cases' names, as test ids."""
    return [case["name"] for case in CASES[section]]


def file_bytes(case: dict) -> bytes:
    """The file a `read` case describes: bytes, text, JSON or a fixture (in that order), padded with spaces."""
    raw = bytes.fromhex(case.get("bytes_hex", ""))
    if "text" in case:
        raw += case["text"].encode("utf-8")
    if "json" in case:
        raw += json.dumps(case["json"], ensure_ascii=False).encode("utf-8")
    if "file" in case:
        raw += (FIXTURES / case["file"]).read_bytes()
    return raw.ljust(case.get("padded_to", 0), b" ")


def check_read(case: dict, result: dict) -> None:
    """``result`` is {"answers": …} for a file accepted (and migrated), else {"reason": …, "message": …}."""
    if "reason" not in case:
        assert "answers" in result, f"refused: {result}"
        if "answers" in case:
            assert result["answers"] == case["answers"]
        return
    assert result.get("reason") == case["reason"], result
    if "message" in case:
        assert result["message"] == case["message"]
    if "where" in case:
        assert result["message"].startswith(f"{SCHEMA_ERROR}{case['where']}, "), result["message"]


def check_merge(case: dict, result: dict) -> None:
    """``result`` is {"actions": {key: action}, "titles": {key: title}, "updated": {key: time of the merged answer}}."""
    assert result["actions"] == case["actions"]
    assert result["updated"] == case["updated"]
    if "titles" in case:
        assert result["titles"] == case["titles"]


def check_balance(case: dict, result: dict) -> None:
    """``result`` is {"balance": n}, and {"tipping_point": …} where the implementation has one (the browser)."""
    assert result["balance"] == case["balance"]
    if "tipping_point" in result:
        assert result["tipping_point"] == case["tipping_point"]


def check_missing_core_parts(case: dict, result: list[str]) -> None:
    assert result == case["missing"]


def check_brier(case: dict, result: float | None) -> None:
    """``result`` is the Brier score of the forecasts, or None (null) when none counts."""
    if case["brier_score"] is None:
        assert result is None
    else:
        # The same arithmetic in the same order gives the same number; the tolerance only
        # spares the cases from writing 0.065 as 0.06500000000000002.
        assert result is not None and math.isclose(result, case["brier_score"], rel_tol=0, abs_tol=1e-12), result
