"""The suppression rule (swvsite.signalen.onderdrukking), checked by properties.

The disclosure check here is independent of the module's bridge search: every
published table cell is a sum of atoms (category x sector x melder), and a
hidden cell can be worked out from the shown cells exactly when its atoms'
vector lies in the span of the shown cells' vectors (any sum or difference of
shown numbers). That is tested with exact rational Gaussian elimination.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from swvsite.pages.signalen.onderdrukking import AFGELEID, KLEIN, TOTAAL, publiceer

RIJEN = ("a", "b", "c", "d")
KOLOMMEN = ("po", "vo")
MELDERS = ("ouder", "jongere", "school")
ATOMEN = list(product(RIJEN, KOLOMMEN, MELDERS))


def _vector(keep) -> list[int]:
    return [1 if keep(atom) else 0 for atom in ATOMEN]


def _kruis_vector(rij: str, kolom: str) -> list[int]:
    return _vector(lambda a: (rij == TOTAAL or a[0] == rij) and (kolom == TOTAAL or a[1] == kolom))


def _lijst_vector(rij: str) -> list[int]:
    return _vector(lambda a: rij == TOTAAL or a[2] == rij)


def _rank(rows: list[list[int]]) -> int:
    matrix = [[Fraction(x) for x in row] for row in rows]
    rank, columns = 0, len(ATOMEN)
    for column in range(columns):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                factor = matrix[r][column] / matrix[rank][column]
                matrix[r] = [x - factor * y for x, y in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


counts = st.lists(st.integers(0, 14) | st.just(0), min_size=len(ATOMEN), max_size=len(ATOMEN))


def _publish(values: list[int], drempel: int):
    atoms = dict(zip(ATOMEN, values, strict=True))
    kruis = {(r, k): sum(atoms[(r, k, m)] for m in MELDERS) for r in RIJEN for k in KOLOMMEN}
    melder = {m: sum(atoms[(r, k, m)] for r in RIJEN for k in KOLOMMEN) for m in MELDERS}
    return atoms, publiceer(kruis, RIJEN, KOLOMMEN, {"door": melder}, drempel)


def _cells(telling):
    """(vector, true value, Cel) for every published cell of both tables."""
    kruis, melder = telling.kruistabel, telling.lijsten[0]
    for (rij, kolom), cel in kruis.cellen.items():
        yield _kruis_vector(rij, kolom), cel
    for (rij, _), cel in melder.cellen.items():
        yield _lijst_vector(rij), cel


def _true(atoms, vector) -> int:
    return sum(v * atoms[a] for v, a in zip(vector, ATOMEN, strict=True))


@settings(max_examples=150, deadline=None)
@given(counts, st.integers(3, 7))
def test_no_published_number_is_below_the_threshold(values, drempel):
    atoms, telling = _publish(values, drempel)
    if telling is None:
        assert sum(values) < drempel
        return
    for vector, cel in _cells(telling):
        true = _true(atoms, vector)
        if cel.verborgen is None:
            assert cel.waarde == true and true >= drempel
        elif cel.verborgen == KLEIN:
            assert cel.waarde is None and true < drempel and cel.tekst(drempel) == f"<{drempel}"
        else:
            assert cel.verborgen == AFGELEID and cel.waarde is None and true >= drempel


@settings(max_examples=150, deadline=None)
@given(counts, st.integers(3, 7))
def test_a_period_below_the_threshold_is_not_published(values, drempel):
    _, telling = _publish(values, drempel)
    assert (telling is None) == (sum(values) < drempel)


@settings(max_examples=120, deadline=None)
@given(counts, st.integers(3, 7))
def test_no_hidden_number_follows_from_the_shown_ones(values, drempel):
    """No sum, difference or other combination of shown numbers equals a hidden one."""
    _, telling = _publish(values, drempel)
    if telling is None:
        return
    cells = list(_cells(telling))
    shown = [vector for vector, cel in cells if cel.verborgen is None]
    base = _rank(shown) if shown else 0
    for vector, cel in cells:
        if cel.verborgen:
            assert _rank(shown + [vector]) == base + 1, "a hidden number can be worked out"


@settings(max_examples=150, deadline=None)
@given(counts, st.integers(3, 7))
def test_no_row_or_column_has_exactly_one_hidden_number(values, drempel):
    _, telling = _publish(values, drempel)
    if telling is None:
        return
    kruis = telling.kruistabel
    for rij in (*RIJEN, TOTAAL):
        hidden = [k for k in (*KOLOMMEN, TOTAAL) if kruis.cel(rij, k).verborgen]
        assert len(hidden) != 1, (rij, hidden)
    for kolom in (*KOLOMMEN, TOTAAL):
        hidden = [r for r in (*RIJEN, TOTAAL) if kruis.cel(r, kolom).verborgen]
        assert len(hidden) != 1, (kolom, hidden)
    melder = telling.lijsten[0]
    assert len(melder.verborgen()) != 1
    # The grand total is one number: hidden in both tables or in neither.
    assert bool(kruis.totaal.verborgen) == bool(melder.totaal.verborgen)


def test_the_second_hidden_number_is_the_smallest_in_its_row():
    telling = publiceer({("a", "po"): 3, ("a", "vo"): 20, ("b", "po"): 30, ("b", "vo"): 40},
                        ("a", "b"), ("po", "vo"), {}, 5)
    kruis = telling.kruistabel
    assert kruis.cel("a", "po").tekst(5) == "<5"
    # Row a: 3 is hidden; its smallest other number is 20 (not the total 23).
    assert kruis.cel("a", "vo").tekst(5) == "x"
    assert kruis.cel("a", TOTAAL).tekst(5) == "23"
    # Columns po and vo now each have one hidden number: row b's smallest goes too.
    assert kruis.cel("b", "po").tekst(5) == "x" and kruis.cel("b", "vo").tekst(5) == "x"
    assert kruis.cel("b", TOTAAL).tekst(5) == "70"
    assert kruis.totaal.tekst(5) == "93"
