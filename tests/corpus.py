"""Where the shared corpus of real posts lies (read in place, never copied)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_rows() -> list[dict]:
    """MANIFEST.tsv rows of post files (site configs excluded); [] when absent."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if "site-config" not in r["notes"]]


def corpus_params(kind: str | None = None) -> list:
    """pytest params over corpus posts, or one skipped param saying why."""
    rows = [r for r in corpus_rows() if kind is None or r["front_matter_kind"] == kind]
    if not rows:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(r, id=r["local_path"]) for r in rows]
