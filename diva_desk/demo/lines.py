"""What the demo studio sells: invoice lines in English or French, with the right tax.

The studio is a one-person graphic and web design business in Toronto. It bills
design hours at $95, fixed-price logo and website packages, monthly maintenance
retainers, and passes printing and stock photos through at cost plus a little.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from diva_desk.core.records import InvoiceLine, LineTax

HOURLY_RATE = Decimal("95.00")
COPY_RATE = Decimal("85.00")
USD_HOURLY_RATE = Decimal("85.00")


#: The sales taxes a customer's lines carry, in print order.
Tax = tuple[LineTax, ...]

#: Ontario customers pay the 13 % harmonized sales tax.
HST: Tax = (LineTax("HST", Decimal("13")),)
#: Québec customers pay GST 5 % and QST 9.975 %, each on its own (and each rounded
#: once over the invoice), as a Québec invoice must show them.
GST_QST: Tax = (LineTax("GST", Decimal("5")), LineTax("QST", Decimal("9.975")))
#: Design services for a company outside Canada are zero-rated exports.
NO_TAX: Tax = ()

_MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip

_PROJECTS = {
    "en": (
        "spring menu",
        "trade show booth",
        "fall catalogue",
        "brand refresh",
        "holiday campaign",
        "storefront signage",
        "grand opening flyers",
        "price list",
        "packaging labels",
        "newsletter template",
        "loyalty cards",
        "annual report",
        "event poster",
        "landing page",
    ),
    "fr": (
        "menu du printemps",
        "kiosque de salon",
        "catalogue d'automne",
        "image de marque",
        "campagne des fêtes",
        "affichage en vitrine",
        "circulaires d'ouverture",
        "étiquettes d'emballage",
        "infolettre",
        "cartes de fidélité",
    ),
}

_TEXT = {
    "en": {
        "design": "Graphic design — {project}",
        "copy": "Copywriting — {project}",
        "logo": "Logo package: 3 concepts, 2 rounds of revisions, final files",
        "website": "Website build, {pages} pages, mobile-friendly",
        "retainer": "Website maintenance retainer — {month}",
        "social": "Social media graphics, 12 posts — {month}",
        "extra": "Additional site updates beyond the retainer",
        "cards": "Printing: 500 business cards, 16 pt matte",
        "brochures": "Printing: tri-fold brochures",
        "banner": "Printing: vinyl banner, 3 × 8 ft, with grommets",
        "visit": "Site visit and on-location photography",
        "stock": "Stock photo licence",
        "hosting": "Web hosting, 12 months",
        "domain": "Domain renewal (.ca), 1 year",
        "rush": "Rush turnaround (48 h)",
        "mileage": "Mileage to site visit (km)",
    },
    "fr": {
        "design": "Conception graphique — {project}",
        "copy": "Rédaction — {project}",
        "logo": "Forfait logo : 3 concepts, 2 séries de révisions, fichiers finaux",
        "website": "Site Web, {pages} pages, adapté aux mobiles",
        "retainer": "Entretien du site Web — {month}",
        "social": "Visuels pour réseaux sociaux, 12 publications — {month}",
        "extra": "Mises à jour supplémentaires",
        "cards": "Impression : 500 cartes professionnelles, 16 pt mat",
        "brochures": "Impression : dépliants à trois volets",
        "banner": "Impression : bannière en vinyle, 3 × 8 pi, avec œillets",
        "visit": "Visite sur place et photographie",
        "stock": "Licence de photo",
        "hosting": "Hébergement Web, 12 mois",
        "domain": "Renouvellement de domaine (.ca), 1 an",
        "rush": "Service urgent (48 h)",
        "mileage": "Kilométrage pour la visite (km)",
    },
}


class LineMaker:
    """Makes one customer's invoice lines: their language, their tax, the studio's prices."""

    def __init__(self, rng: random.Random, language: str | None, tax: Tax) -> None:
        self.rng = rng
        self.lang = "fr" if (language or "").startswith("fr") else "en"
        self.tax = tax

    def line(self, key: str, quantity: Decimal, price: Decimal, **fields: str) -> InvoiceLine:
        description = _TEXT[self.lang][key].format(**fields)
        return InvoiceLine(description, quantity, price, taxes=self.tax)

    def hours(self, low: int, high: int) -> Decimal:
        """Hours as people log them: whole or half hours, e.g. 7.5."""
        return Decimal(self.rng.randint(low * 2, high * 2)) / 2

    def project(self) -> str:
        return self.rng.choice(_PROJECTS[self.lang])

    def month(self, day: dt.date) -> str:
        return f"{_MONTHS[self.lang][day.month - 1]} {day.year}"

    # --- kinds of invoice ---------------------------------------------------------

    def retainer(self, day: dt.date, price: Decimal) -> tuple[InvoiceLine, ...]:
        """A monthly retainer; now and then the month needed more than it covers."""
        lines = [self.line("retainer", Decimal(1), price, month=self.month(day))]
        if self.rng.random() < 0.2:
            lines.append(self.line("extra", self.hours(1, 4), HOURLY_RATE))
        return tuple(lines)

    def social(self, day: dt.date, price: Decimal) -> tuple[InvoiceLine, ...]:
        return (self.line("social", Decimal(1), price, month=self.month(day)),)

    def design(self) -> tuple[InvoiceLine, ...]:
        """Design hours, often with printing, photos or a site visit on top."""
        rng = self.rng
        project = self.project()
        lines = [self.line("design", self.hours(3, 24), HOURLY_RATE, project=project)]
        if rng.random() < 0.25:
            lines.append(self.line("copy", self.hours(1, 6), COPY_RATE, project=project))
        if rng.random() < 0.3:
            lines.append(self.line("visit", Decimal(1), Decimal("180.00")))
            if rng.random() < 0.5:
                lines.append(self.line("mileage", Decimal(rng.randint(30, 140)), Decimal("0.70")))
        if rng.random() < 0.35:
            lines.append(self.line("stock", Decimal(rng.randint(1, 6)), Decimal("15.00")))
        if rng.random() < 0.1:
            lines.append(self.line("rush", Decimal(1), Decimal("150.00")))
        return tuple(lines)

    def printing(self) -> tuple[InvoiceLine, ...]:
        """A print job: a few design hours and the printer's bill passed through."""
        rng = self.rng
        lines = [self.line("design", self.hours(2, 8), HOURLY_RATE, project=self.project())]
        choice = rng.choice(("cards", "brochures", "banner"))
        if choice == "cards":
            lines.append(self.line("cards", Decimal(1), Decimal("89.00")))
        elif choice == "brochures":
            quantity = Decimal(rng.choice((250, 500, 1000)))
            price = {250: Decimal("0.84"), 500: Decimal("0.62"), 1000: Decimal("0.45")}
            lines.append(self.line("brochures", quantity, price[int(quantity)]))
        else:
            lines.append(self.line("banner", Decimal(rng.randint(1, 2)), Decimal("165.00")))
        return tuple(lines)

    def logo(self) -> tuple[InvoiceLine, ...]:
        lines = [self.line("logo", Decimal(1), Decimal("1450.00"))]
        if self.rng.random() < 0.6:
            lines.append(self.line("cards", Decimal(1), Decimal("89.00")))
        return tuple(lines)

    def website(self) -> tuple[InvoiceLine, ...]:
        pages = self.rng.randint(4, 9)
        price = Decimal(2400 + 350 * pages)
        return (
            self.line("website", Decimal(1), price, pages=str(pages)),
            self.line("hosting", Decimal(1), Decimal("240.00")),
            self.line("domain", Decimal(1), Decimal("24.99")),
        )

    def renewal(self) -> tuple[InvoiceLine, ...]:
        return (
            self.line("hosting", Decimal(1), Decimal("240.00")),
            self.line("domain", Decimal(1), Decimal("24.99")),
        )

    def project_work(self, *, big_once: set[str]) -> tuple[InvoiceLine, ...]:
        """Any one project; a customer gets a logo or a website at most once."""
        roll = self.rng.random()
        if roll < 0.08 and "logo" not in big_once:
            big_once.add("logo")
            return self.logo()
        if roll < 0.16 and "website" not in big_once:
            big_once.add("website")
            return self.website()
        if roll < 0.24:
            return self.renewal() if "website" in big_once else self.printing()
        if roll < 0.5:
            return self.printing()
        return self.design()


def usd_lines(rng: random.Random, day: dt.date) -> tuple[InvoiceLine, ...]:
    """The US software client buys product design hours and a design-system retainer."""
    maker = LineMaker(rng, "en", NO_TAX)
    feature = rng.choice(
        ("onboarding flow", "trail map screens", "settings redesign", "app store screenshots")
    )
    lines = [
        InvoiceLine(f"Product design — {feature}", maker.hours(6, 30), USD_HOURLY_RATE),
        InvoiceLine(f"Design system upkeep — {maker.month(day)}", Decimal(1), Decimal("600.00")),
    ]
    if rng.random() < 0.3:
        lines.append(InvoiceLine("Usability test session and summary", Decimal(1), Decimal("450")))
    return tuple(lines)
