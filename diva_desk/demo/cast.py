"""Who is in the demo book: the studio and its thirty customers, each with a habit.

The customers are the kinds of clients a one-person design studio in Toronto
has: restaurants, trades, clinics, a law firm, two Québec clients who work in
French, a US software company billed in dollars. Each has a *role* that says how
the demo writes their history: a reliable or a slow payer, a monthly retainer
or occasional projects, and for a few, a scripted story (stories.py).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from itertools import count

from diva_desk.core.customers.terms import BillingCycle
from diva_desk.core.records import Business, Customer, PaymentMethod, TaxRegistration

BUSINESS = Business(
    name="Lakeshore Pixel Studio",
    owner_name="Priya Raman",
    address="57 Harbord Street, Unit 2\nToronto ON  M5S 1G4",
    email="priya.raman@example.ca",
    phone="+1 416 555 0142",
    tax_numbers="GST/HST 812345678 RT0001 · QST 1223456789 TQ0001",
    tax_registrations=(
        TaxRegistration("HST", "812345678 RT0001"),
        TaxRegistration("GST", "812345678 RT0001"),
        TaxRegistration("QST", "1223456789 TQ0001"),
    ),
    currency="CAD",
    locale="en_CA",
    default_terms_days=30,
    invoice_prefix="INV-",
    payment_instructions=(
        "Please pay by Interac e-Transfer to priya.raman@example.ca (auto-deposit, no "
        "security question) and put the invoice number in the message. Cheques payable "
        "to Lakeshore Pixel Studio."
    ),
)

RELIABLE = "reliable"
SLOW = "slow"

E_TRANSFER = PaymentMethod.E_TRANSFER
CHEQUE = PaymentMethod.CHEQUE
EFT = PaymentMethod.BANK_TRANSFER
CARD = PaymentMethod.CARD
CASH = PaymentMethod.CASH


@dataclass(frozen=True)
class Role:
    """How the demo writes one customer's history."""

    customer: Customer
    habit: str = RELIABLE
    #: Project invoices spread between ``since`` and ``until`` days ago.
    projects: int = 0
    since: int = 530
    until: int = 9
    #: A monthly retainer price; invoiced on the 1st of each month from ``since``.
    retainer: Decimal | None = None
    #: The retainer buys social media graphics rather than website upkeep.
    social_retainer: bool = False
    #: A scripted story in stories.py, by name.
    story: str = ""
    #: How many history invoices were sent wrong, voided and reissued.
    voids: int = 0
    #: A draft waiting to go out before their cut-off day.
    draft: bool = False
    #: Offsets for scripted recent invoices: "recent" (sent this week) or "due_soon".
    recent: str = ""

    @property
    def cycle(self) -> BillingCycle:
        c = self.customer
        return BillingCycle(c.invoice_cutoff_day, c.payment_run_days)


def upcoming_cutoff_day(today: dt.date) -> int:
    """A usual cut-off day (1st, 5th, … 25th) two to eight days from today.

    The customers with a draft invoice have this cut-off, so the demo always
    shows the point of drafts: get the invoice out before their cut-off. (Not
    tomorrow: the reminder to send it falls the day before, and today's call
    list already has its one urgent follow-up.)
    """
    for ahead in range(2, 9):
        day = (today + dt.timedelta(days=ahead)).day
        if day in (1, 5, 10, 15, 20, 25):
            return day
    raise AssertionError("the usual cut-off days are never more than a week apart")


class _Contacts:
    """Hands out unique fictional phone numbers (555-01xx) and example.* addresses."""

    def __init__(self) -> None:
        self._lines: dict[str, count[int]] = {}

    def phone(self, area: str) -> str:
        number = next(self._lines.setdefault(area, count(10)))
        return f"+1 {area} 555 01{number:02d}"

    @staticmethod
    def email(person: str, domain: str = "example.com") -> str:
        plain = unicodedata.normalize("NFKD", person).encode("ascii", "ignore").decode()
        words = [w for w in plain.lower().replace("'", "").split() if w]
        words = [w for w in words if w.rstrip(".") not in ("dr", "mr", "ms")]
        return f"{words[0]}.{words[-1]}@{domain}"


def cast(today: dt.date) -> tuple[Role, ...]:
    """Every customer of the demo book with their role; cut-offs for drafts follow today."""
    t = _Contacts()
    soon = upcoming_cutoff_day(today)

    def customer(
        code: str, name: str, contact: str, area: str, address: str, **fields: object
    ) -> Customer:
        ap = fields.pop("ap", None)
        if isinstance(ap, tuple):
            ap_name, ap_area = ap
            fields |= {
                "ap_contact_name": ap_name,
                "ap_email": _Contacts.email(ap_name, "example.ca"),
                "ap_phone": t.phone(ap_area),
            }
        return Customer(
            code=code,
            name=name,
            contact_name=contact,
            email=_Contacts.email(contact),
            phone=t.phone(area),
            address=address,
            **fields,  # type: ignore[arg-type]
        )

    on = "ON"
    # fmt: off
    return (
        Role(
            customer("BAKER", "Baker & Sons Plumbing Ltd.", "Tom Baker", "905",
                     f"1180 Dundas Street East\nMississauga {on}  L4Y 2C1",
                     ap=("Linda Ferraro", "905"), invoice_cutoff_day=25,
                     payment_run_days=(15, 31), preferred_payment_method=EFT,
                     notes="Accounts payable needs the PO number on every invoice."),
            retainer=Decimal("275.00"), voids=1,
        ),
        Role(
            customer("HARBOUR", "Harbourfront Dental Group", "Dr. Aisha Rahman", "416",
                     f"208 Queens Quay West, Suite 110\nToronto {on}  M5J 2Y5",
                     ap=("Kevin Lam", "416"), terms_days=45, invoice_cutoff_day=20,
                     payment_run_days=(30,), preferred_payment_method=EFT),
            retainer=Decimal("350.00"),
        ),
        Role(
            customer("TAVOLA", "Tavola Trattoria", "Lucia Bianchi", "416",
                     f"612 College Street\nToronto {on}  M6G 1B4",
                     preferred_payment_method=E_TRANSFER),
            retainer=Decimal("420.00"), social_retainer=True, since=365, projects=2,
        ),
        Role(
            customer("ETOILE", "Café Étoile", "Geneviève Tremblay", "514",
                     "4521, rue Saint-Denis\nMontréal QC  H2J 2L4", language="fr_CA",
                     preferred_payment_method=CHEQUE,
                     notes="Préfère les appels en français, le matin."),
            projects=7,
        ),
        Role(
            customer("LAVOIE", "Les Jardins Lavoie inc.", "Marc-André Lavoie", "514",
                     "1350, boulevard Saint-Martin Ouest\nLaval QC  H7S 1M9", language="fr_CA",
                     preferred_payment_method=E_TRANSFER),
            habit=SLOW, projects=6,
        ),
        Role(
            customer("OKONKWO", "Okonkwo Law Professional Corporation", "Chidi Okonkwo", "416",
                     f"330 Bay Street, Suite 1400\nToronto {on}  M5H 2S8",
                     preferred_payment_method=CHEQUE),
            projects=6, voids=1,
        ),
        Role(
            customer("GREENBELT", "Greenbelt Organics Co-op", "Hannah Schmidt", "905",
                     f"45 King Street East\nHamilton {on}  L8N 1A1",
                     deposit_percent=Decimal("30"), preferred_payment_method=E_TRANSFER),
            projects=6,
        ),
        Role(
            customer("RIVERSIDE", "Riverside Brewing Company", "Sean MacLeod", "905",
                     f"88 Ontario Street\nSt. Catharines {on}  L2R 5J3",
                     preferred_payment_method=E_TRANSFER,
                     notes="Cash is tight since the taproom renovation; on a payment plan."),
            projects=4, until=210, story="payment_plan",
        ),
        Role(
            customer("DANFORTH", "Danforth Fitness Collective", "Jasmine Clarke", "647",
                     f"1745 Danforth Avenue\nToronto {on}  M4C 1H9",
                     preferred_payment_method=E_TRANSFER),
            habit=SLOW, projects=5, until=140, story="broken_promise",
        ),
        Role(
            customer("BLOORDANCE", "Bloor West Dance Academy", "Natalia Kowalczyk", "416",
                     f"2290 Bloor Street West\nToronto {on}  M6S 1P1",
                     deposit_percent=Decimal("50"), preferred_payment_method=E_TRANSFER,
                     notes="50 % deposit before any work starts."),
            projects=3, until=60, story="unpaid_deposit",
        ),
        Role(
            customer("CASCADE", "Cascade Trail Apps, Inc.", "Emily Walsh", "647",
                     "1200 Pine Street, Suite 400\nSeattle WA  98101\nUSA", currency="USD",
                     ap=("Brian Kim", "647"), preferred_payment_method=EFT,
                     notes="Billed in US dollars; exported services, no HST."),
            story="usd",
        ),
        Role(
            customer("QUEENREC", "Queen Street Records", "Derek Osei", "416",
                     f"801 Queen Street West\nToronto {on}  M6J 1G1",
                     preferred_payment_method=CASH, archived=True,
                     notes="The shop closed last year; nothing owing."),
            projects=4, until=400,
        ),
        Role(
            customer("SAKURA", "Sakura Ramen House", "Kenji Watanabe", "647",
                     f"455 Spadina Avenue\nToronto {on}  M5S 2G8",
                     preferred_payment_method=CARD),
            projects=2, until=230, story="dispute",
        ),
        Role(
            customer("LINDQVIST", "Lindqvist Renovations", "Erik Lindqvist", "905",
                     f"310 Lakeshore Road East\nOakville {on}  L6J 1J3",
                     preferred_payment_method=CHEQUE),
            habit=SLOW, projects=6, until=45, story="overdue_days",
        ),
        Role(
            customer("PATEL", "Patel Pharmacy", "Ravi Patel", "905",
                     f"9 Queen Street East\nBrampton {on}  L6V 1A2",
                     preferred_payment_method=E_TRANSFER),
            habit=SLOW, projects=6, until=60, story="overdue_weeks",
        ),
        Role(
            customer("HOLLIS", "Hollis & Grant Real Estate", "Margaret Hollis", "416",
                     f"2 Bloor Street East, Suite 3500\nToronto {on}  M4W 1A8",
                     ap=("Sandra Liu", "416"), invoice_cutoff_day=25, payment_run_days=(30,),
                     preferred_payment_method=EFT),
            habit=SLOW, projects=7, until=80, story="overdue_months",
        ),
        Role(
            customer("KAWARTHA", "Kawartha Kayak Rentals", "Josh Whitehorse", "647",
                     "21 Bolton Street\nBobcaygeon ON  K0M 1A0", terms_days=14,
                     preferred_payment_method=E_TRANSFER),
            story="new_customer",
        ),
        Role(
            customer("ALSAYED", "Al-Sayed Accounting Services", "Omar Al-Sayed", "647",
                     f"3050 Confederation Parkway\nMississauga {on}  L5B 3Z6",
                     preferred_payment_method=E_TRANSFER),
            projects=5, recent="recent",
        ),
        Role(
            customer("NORTHERN", "Northern Lights Daycare", "Priscilla Mensah", "416",
                     f"1120 Finch Avenue West\nToronto {on}  M3J 3H7",
                     preferred_payment_method=E_TRANSFER),
            projects=4, recent="due_soon",
        ),
        Role(
            customer("KOWALSKI", "Kowalski Auto Body", "Piotr Kowalski", "905",
                     f"2150 Dundas Street West\nBurlington {on}  L7P 3V1",
                     invoice_cutoff_day=soon, payment_run_days=(15,),
                     preferred_payment_method=CHEQUE),
            projects=5, draft=True,
        ),
        Role(
            customer("FERREIRA", "Ferreira Landscaping", "João Ferreira", "905",
                     f"77 Queen Street South\nBolton {on}  L7E 2B4",
                     deposit_percent=Decimal("30"), preferred_payment_method=E_TRANSFER),
            projects=6,
        ),
        Role(
            customer("READINGNOOK", "The Reading Nook Bookshop", "Beatrice Hall", "416",
                     f"1632 Queen Street East\nToronto {on}  M4L 1G3",
                     preferred_payment_method=CARD),
            projects=4,
        ),
        Role(
            customer("ACHEBE", "Achebe Consulting Group", "Ngozi Achebe", "647",
                     f"100 King Street West, Suite 5700\nToronto {on}  M5X 1C7",
                     terms_days=15, preferred_payment_method=EFT),
            projects=5, recent="due_soon",
        ),
        Role(
            customer("LOTUS", "Lotus Thai Kitchen", "Somchai Srisuk", "416",
                     f"388 Yonge Street\nToronto {on}  M5B 1S8",
                     preferred_payment_method=E_TRANSFER),
            habit=SLOW, projects=5,
        ),
        Role(
            customer("BLUEWATER", "Bluewater Physiotherapy", "Dr. Fiona Grant", "905",
                     f"250 Lakeshore Road West\nOakville {on}  L6K 1G2",
                     preferred_payment_method=CARD),
            projects=4, recent="recent",
        ),
        Role(
            customer("OBRIEN", "O'Brien Heating & Cooling", "Patrick O'Brien", "905",
                     f"14 Industrial Parkway North\nAurora {on}  L4G 4C3",
                     ap=("Maureen O'Brien", "905"), invoice_cutoff_day=soon,
                     payment_run_days=(15, 31), preferred_payment_method=CHEQUE),
            projects=6, draft=True,
        ),
        Role(
            customer("MEHTA", "Mehta Immigration Services", "Anjali Mehta", "647",
                     f"7700 Hurontario Street, Unit 204\nBrampton {on}  L6Y 4M3",
                     preferred_payment_method=E_TRANSFER),
            projects=4,
        ),
        Role(
            customer("ZHOU", "Zhou Architecture Studio", "Wei Zhou", "416",
                     f"401 Richmond Street West, Studio 218\nToronto {on}  M5V 3A8",
                     invoice_cutoff_day=soon, payment_run_days=(31,),
                     deposit_percent=Decimal("25"), preferred_payment_method=EFT),
            projects=5, draft=True,
        ),
        Role(
            customer("SIMCOE", "Simcoe Street Gallery", "Isabelle Fournier", "416",
                     f"23 Simcoe Street North\nOshawa {on}  L1G 4R7",
                     preferred_payment_method=CHEQUE),
            projects=4, voids=1,
        ),
        Role(
            customer("RAVENSWORTH", "Ravensworth Montessori School", "Claire Dubois-Whitfield",
                     "416", f"95 Ravensworth Crescent\nToronto {on}  M1B 2E3",
                     preferred_payment_method=E_TRANSFER),
            projects=4,
        ),
    )
    # fmt: on
