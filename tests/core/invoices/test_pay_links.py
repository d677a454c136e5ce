"""Pay link templates: filled in for one invoice, URL-encoded, refused when wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.core.invoices.pay_links import (
    fill_pay_link,
    link_for_invoice,
    link_for_letter,
    pay_link_problem,
    pay_link_sentence,
)

STRIPE = "https://buy.stripe.com/abc?ref={number}&amount={amount}&cur={currency}"


def test_the_placeholders_are_filled_url_encoded_in_the_currency_minor_units():
    assert fill_pay_link(STRIPE, "DD-1040", Decimal("1234.5"), "CAD") == (
        "https://buy.stripe.com/abc?ref=DD-1040&amount=1234.50&cur=CAD"
    )
    # Yen have no decimals, and an invoice number with a space or & stays one value.
    assert fill_pay_link(STRIPE, "A&B 7", Decimal("1000"), "JPY") == (
        "https://buy.stripe.com/abc?ref=A%26B%207&amount=1000&cur=JPY"
    )
    # No grouping, however large.
    assert "amount=1234567.89&" in fill_pay_link(STRIPE, "1", Decimal("1234567.89"), "USD")


def test_nothing_owed_or_no_template_is_no_link():
    assert fill_pay_link(STRIPE, "1", Decimal("0.00"), "CAD") == ""
    assert fill_pay_link("", "1", Decimal("5"), "CAD") == ""
    assert fill_pay_link("ftp://x/{number}", "1", Decimal("5"), "CAD") == ""


def test_an_invoice_own_template_wins_over_the_business_one():
    link = link_for_invoice("https://a.example/{number}", "https://b.example/{amount}", "7",
                            Decimal("10"), "CAD")  # fmt: skip
    assert link is not None and link.url == "https://b.example/10.00"
    link = link_for_invoice("https://a.example/{number}", " ", "7", Decimal("10"), "CAD")
    assert link is not None and link.url == "https://a.example/7"
    assert link_for_invoice("https://a.example/{number}", "", "7", Decimal("0"), "CAD") is None


def test_a_letter_has_one_link_per_currency_for_all_it_asks_for():
    links = link_for_letter(
        "https://pay.example/{number}/{amount}{currency}",
        [("1", "", Decimal("100.00"), "CAD"), ("2", "", Decimal("50.25"), "CAD"),
         ("3", "https://own.example/{amount}", Decimal("10"), "USD"),
         ("4", "", Decimal("0"), "EUR")],
    )  # fmt: skip
    assert [(link.url, link.numbers) for link in links] == [
        ("https://pay.example/1%2C2/150.25CAD", ("1", "2")),
        # One invoice makes up the USD: its own template applies.
        ("https://own.example/10.00", ("3",)),
    ]


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("pay.example/{number}", "start the address with https://"),
        ("mailto:me@example.com", "start the address with https://"),
        ("javascript://alert(1)", "javascript: addresses cannot be opened from an invoice"),
        ("ftp://files.example/{number}", "ftp: addresses cannot be opened"),
        ("https://pay.example/{invoice}", "{invoice} is not a placeholder; use {number}"),
        ("https://pay.example/{Amount}", "{Amount} is not a placeholder"),
        ("https://pay.example/{number", "a brace is without its pair"),
        ("https://pay.example/a b", "a web address has no spaces"),
        ("https:///{number}", "give the site's name after https://"),
        ("https://x.example/" + "a" * 500, "use at most 500 characters"),
    ],
)
def test_a_wrong_template_is_refused_in_one_sentence(template: str, problem: str):
    found = pay_link_problem(template)
    assert found is not None and found.startswith(problem), found
    sentence = pay_link_sentence(template)
    assert sentence is not None and sentence.startswith("Pay link: ") and sentence.endswith(".")


@pytest.mark.parametrize(
    "template",
    ["", "https://paypal.me/divadesign/{amount}{currency}", "http://localhost:8080/p?n={number}",
     "HTTPS://Square.link/u/AbC", "https://pay.example/{number}/{number}"],
)  # fmt: skip
def test_good_templates_pass(template: str):
    assert pay_link_problem(template) is None
