"""The external-change policy over the full product of its facts."""

from __future__ import annotations

import itertools
from collections import namedtuple

import pytest

from editor.core.disk.change_policy import Decision, DiskFacts, decide, same_content

# A stand-in with the shape of storage.Fingerprint; the policy reads only size
# and sha256, so a plain record keeps this test independent of storage.
FP = namedtuple("FP", "size mtime_ns sha256")
A = FP(10, 1, "aaa")
A_TOUCHED = FP(10, 2, "aaa")  # same bytes, newer mtime (touch, identical checkout)
B = FP(12, 3, "bbb")
C = FP(10, 4, "ccc")  # same size as A, other content

FPS = {"none": None, "A": A, "A-touched": A_TOUCHED, "B": B, "C": C}
KNOWN = {"none": None, "A": A, "B": B}

PRODUCT = list(
    itertools.product(
        [True, False],  # exists
        FPS,  # disk
        KNOWN,  # loaded
        KNOWN,  # written
        [False, True],  # dirty
        [False, True],  # saving
        KNOWN,  # dismissed
    )
)


def expected(exists, disk, loaded, written, dirty, saving, dismissed):
    """The rule as a table, written independently of the implementation."""
    if saving:
        return Decision.IGNORE
    if not exists:
        return Decision.MARK_DELETED
    if disk is None:
        return Decision.IGNORE
    content = {A: "a", A_TOUCHED: "a", B: "b", C: "c"}
    seen = {content[f] for f in (loaded, written, dismissed) if f is not None}
    if content[disk] in seen:
        return Decision.IGNORE
    return Decision.ASK if dirty else Decision.RELOAD


@pytest.mark.parametrize("exists,disk,loaded,written,dirty,saving,dismissed", PRODUCT)
def test_decide_over_every_combination(exists, disk, loaded, written, dirty, saving, dismissed):
    facts = DiskFacts(
        exists=exists,
        disk=FPS[disk],
        loaded=KNOWN[loaded],
        written=KNOWN[written],
        dirty=dirty,
        saving=saving,
        dismissed=KNOWN[dismissed],
    )
    got = decide(facts)
    assert got == expected(exists, FPS[disk], KNOWN[loaded], KNOWN[written], dirty, saving, KNOWN[dismissed])
    # The promise, stated on its own: unsaved words are never reloaded over.
    if dirty:
        assert got != Decision.RELOAD


def test_product_covers_every_decision():
    seen = {
        decide(DiskFacts(e, FPS[d], KNOWN[l], KNOWN[w], di, s, KNOWN[x]))
        for e, d, l, w, di, s, x in PRODUCT
    }
    assert seen == set(Decision)


def test_same_content_ignores_mtime_but_not_hash():
    assert same_content(A, A_TOUCHED)
    assert not same_content(A, C)
    assert not same_content(A, None)
    assert not same_content(None, None)


def test_typical_cases_read_naturally():
    # Another program wrote new text while the buffer was clean: reload.
    assert decide(DiskFacts(exists=True, disk=B, loaded=A)) is Decision.RELOAD
    # ...while the writer was typing: ask, never reload.
    assert decide(DiskFacts(exists=True, disk=B, loaded=A, dirty=True)) is Decision.ASK
    # Our own save produced B: not an external change.
    assert decide(DiskFacts(exists=True, disk=B, loaded=A, written=B, dirty=True)) is Decision.IGNORE
    # The writer said "Keep mine" to B: not asked again for B, asked for C.
    assert decide(DiskFacts(exists=True, disk=B, loaded=A, dirty=True, dismissed=B)) is Decision.IGNORE
    assert decide(DiskFacts(exists=True, disk=C, loaded=A, dirty=True, dismissed=B)) is Decision.ASK
    assert decide(DiskFacts(exists=False, loaded=A, dirty=True)) is Decision.MARK_DELETED
