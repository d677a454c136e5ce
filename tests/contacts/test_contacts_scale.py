"""Planning a large contacts file stays close to linear, even when names share a prefix.

An address book exported from a chain (every branch "Acme Widgets ...") once took
52 seconds for 16,000 rows: each new code tried every ACMEWID2, ACMEWID3, ... again.
The work is counted in candidate codes tried, so the tests need no clock (the time
itself belongs to the benchmark); duplicates are found through dictionaries keyed by
name and email, so the whole plan stays linear with the codes.
"""

from __future__ import annotations

from pathlib import Path

from diva_desk.contacts import read_contacts
from diva_desk.contacts.plan import plan_import
from diva_desk.contacts.values import CodeMaker, unique_code


def tries_for(names: list[str], taken: set[str] | None = None) -> tuple[int, list[str]]:
    taken = set() if taken is None else taken
    maker = CodeMaker(taken)
    codes = []
    for name in names:
        code = maker.code_for(name)
        taken.add(code)
        codes.append(code)
    return maker.tries, codes


def branches(count: int) -> list[str]:
    return [f"Acme Widgets Branch {n}" for n in range(count)]


def test_codes_for_names_sharing_a_prefix_cost_a_few_tries_each() -> None:
    small, codes = tries_for(branches(2_000))
    large, _ = tries_for(branches(4_000))
    assert len(set(codes)) == len(codes)
    assert codes[:3] == ["ACMEWIDG", "ACMEWID2", "ACMEWID3"]
    assert codes[9] == "ACMEWI10"
    # Linear: twice the names, about twice the tries (quadratic would be four times).
    assert large <= 2 * small + 10
    assert large <= 2 * 4_000


def test_bases_that_meet_in_their_longer_suffixes_do_not_try_each_others_codes() -> None:
    """ACMEALPH and ACMEBETA differ, but from the 1000th on both give ACME1000, ACME1001..."""
    names = [f"Acme {kind} {n}" for n in range(3_000) for kind in ("Alpha", "Beta")]
    tries, codes = tries_for(names)
    assert len(set(codes)) == len(codes) == 6_000
    assert "ACME1000" in codes
    assert tries <= 3 * len(names)


def test_codes_already_taken_are_skipped_once() -> None:
    taken = {"ACMEWIDG", *(f"ACMEWID{n}" for n in range(2, 10)), "ACMEWI10", "ACMEWI12"}
    tries, codes = tries_for(branches(4), set(taken))
    assert codes == ["ACMEWI11", "ACMEWI13", "ACMEWI14", "ACMEWI15"]
    assert tries <= len(taken) + 2 * 4
    # One name at a time still finds the first free code, as before.
    assert unique_code("Acme Widgets", taken) == "ACMEWI11"


def test_sixteen_thousand_rows_sharing_a_prefix_each_get_a_code_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "branches.csv"
    rows = "\n".join(f"Acme Widgets Branch {n},branch{n}@acme.example" for n in range(16_000))
    path.write_text("Name,Email\n" + rows + "\n", encoding="utf-8")
    contacts = read_contacts(path)
    plan = plan_import(contacts.rows, contacts.mapping, existing=[], currency="CAD")
    assert len(plan.creates) == 16_000
    assert len({p.customer.code for p in plan.creates}) == 16_000
    assert not plan.duplicates and not plan.skipped
