import os

def shows_epilogue() -> bool:
    """Whether this build shows what was reported after 17 February 2026 (CASEBOOK_EPILOGUE=no leaves it out)."""
    return os.environ.get("CASEBOOK_EPILOGUE", "yes") != "no"
