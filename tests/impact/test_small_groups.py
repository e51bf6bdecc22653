"""Small groups: no published workshop figure lets anyone work out one person's earnings."""

from datetime import date

import pytest

from impact.figures import Cell, Ledger, MonthRange
from shop.sales import Tally

MONTH = date(2026, 1, 1)


def ledger(workshops):
    """A ledger from {workshop id: [artisan ids]}, each artisan selling one piece of 1 000."""
    cells = [
        Cell(month=MONTH, workshop=workshop, artisan=artisan, tally=Tally(1, 1_000, 100, 1))
        for workshop, artisans in workshops.items()
        for artisan in artisans
    ]
    names = {workshop: f"Atelier {workshop}" for workshop in workshops}
    return Ledger(currency="XOF", cells=cells, orders_by_month={}, workshop_names=names)


def shown(groups):
    return [(sorted(group.workshop_keys), group.artisans, group.merged) for group in groups]


def test_workshops_with_enough_artisans_are_shown_alone():
    groups = ledger({1: [10, 11, 12], 2: [20, 21, 22, 23]}).workshops(threshold=3)
    assert shown(groups) == [([2], 4, False), ([1], 3, False)]


def test_small_workshops_are_merged_into_other_workshops():
    groups = ledger({1: [10, 11, 12], 2: [20, 21], 3: [30, 31]}).workshops(threshold=3)
    assert shown(groups) == [([1], 3, False), ([2, 3], 4, True)]
    assert groups[-1].name == "Autres ateliers"
    assert groups[-1].paid_to_artisans == 4_000


def test_a_small_workshop_alone_is_merged_with_the_next_smallest():
    groups = ledger({1: [10, 11, 12, 13, 14], 2: [20, 21, 22], 3: [30]}).workshops(threshold=3)
    # Workshop 3 alone under « other workshops » would be workshop 3 by another name.
    assert shown(groups) == [([1], 5, False), ([2, 3], 4, True)]


def test_other_workshops_take_in_more_until_they_hold_enough_artisans():
    groups = ledger({1: [10, 11, 12], 2: [20, 21, 22, 23], 3: [30], 4: [40]}).workshops(threshold=3)
    # 3 and 4 together are two people, each able to work out the other's earnings.
    assert shown(groups) == [([2], 4, False), ([1, 3, 4], 5, True)]


def test_everything_is_merged_when_no_workshop_is_big_enough():
    groups = ledger({1: [10], 2: [20]}).workshops(threshold=3)
    assert shown(groups) == [([1, 2], 2, True)]


def test_the_artisans_are_counted_once_when_they_moved_between_workshops():
    # Artisan 12 sold in workshops 1 and 2: three people, not four.
    groups = ledger({1: [10, 11, 12], 2: [12]}).workshops(threshold=3)
    assert shown(groups) == [([1, 2], 3, True)]


@pytest.mark.parametrize("threshold", [2, 3, 4, 5])
def test_no_published_group_describes_fewer_artisans_than_the_threshold(threshold):
    book = ledger({1: [10], 2: [20, 21], 3: [30, 31, 32], 4: [40, 41, 42, 43], 5: [50]})
    groups = book.workshops(threshold=threshold)
    assert all(group.artisans >= threshold for group in groups)
    assert all(len(group.workshop_keys) >= 2 for group in groups if group.merged)
    assert sum(group.paid_to_artisans for group in groups) == book.figures().paid_to_artisans


def test_a_partner_sees_only_groups_made_of_its_own_workshops():
    book = ledger({1: [10, 11, 12], 2: [20, 21], 3: [30, 31]})
    found = book.for_workshops([1, 2], MonthRange(), threshold=3)
    # Workshop 2 is merged with 3, which the partner does not run: it stays out.
    assert found.workshop_names == ("Atelier 1",)
    assert found.left_out == ("Atelier 2",)
    assert found.figures.paid_to_artisans == 3_000
    whole = book.for_workshops([2, 3], MonthRange(), threshold=3)
    assert whole.figures.paid_to_artisans == 4_000 and whole.left_out == ()
