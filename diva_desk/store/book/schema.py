"""Numbered schema steps, as fixed SQL.

Each step takes a book from version N-1 to N. Never edit a step that has shipped:
add the next one. Steps are written as SQL, not with today's model classes, which
will have changed by the time an old book is opened.
"""

from __future__ import annotations

from diva_desk.store.book.schema_terms import (
    STEP_BANK,
    STEP_LATE_FEES,
    STEP_NAMELESS_TAXES,
    STEP_PAY_LINKS,
    STEP_QUOTES,
    STEP_RECURRING,
)

STEP_1 = """
CREATE TABLE business (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    owner_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    tax_numbers TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL DEFAULT 'CAD',
    locale TEXT NOT NULL DEFAULT 'en_CA',
    default_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (default_terms_days >= 0),
    invoice_prefix TEXT NOT NULL DEFAULT 'INV-',
    next_invoice_number INTEGER NOT NULL DEFAULT 1 CHECK (next_invoice_number >= 1),
    payment_instructions TEXT NOT NULL DEFAULT '',
    logo BLOB
);

CREATE TABLE tax_rate (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    rate_units INTEGER NOT NULL CHECK (rate_units >= 0),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, rate_units)
);

CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    language TEXT,
    terms_days INTEGER CHECK (terms_days >= 0),
    ap_contact_name TEXT NOT NULL DEFAULT '',
    ap_email TEXT NOT NULL DEFAULT '',
    ap_phone TEXT NOT NULL DEFAULT '',
    invoice_cutoff_day INTEGER CHECK (invoice_cutoff_day BETWEEN 1 AND 31),
    payment_run_days TEXT NOT NULL DEFAULT '',
    deposit_percent_units INTEGER NOT NULL DEFAULT 0
        CHECK (deposit_percent_units BETWEEN 0 AND 1000000),
    preferred_payment_method TEXT,
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE invoice (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'void')),
    sent_date TEXT,
    received_confirmed_date TEXT,
    po_number TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    deposit_cents INTEGER NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
    deposit_due_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    total_cents INTEGER NOT NULL
);
CREATE INDEX invoice_customer ON invoice (customer_id);
CREATE INDEX invoice_due_date ON invoice (due_date);

CREATE TABLE invoice_line (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity_units INTEGER NOT NULL CHECK (quantity_units > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    tax_name TEXT NOT NULL DEFAULT '',
    tax_rate_units INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_units >= 0)
);
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id);

CREATE TABLE payment (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoice (id),
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    method TEXT,
    reference TEXT NOT NULL DEFAULT '',
    is_deposit INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX payment_invoice ON payment (invoice_id);

CREATE TABLE promise (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    invoice_id INTEGER REFERENCES invoice (id),
    made_on TEXT NOT NULL,
    promised_date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
);
CREATE INDEX promise_customer ON promise (customer_id);

CREATE TABLE payment_plan (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    invoice_id INTEGER REFERENCES invoice (id),
    agreed_on TEXT NOT NULL
);
CREATE INDEX payment_plan_customer ON payment_plan (customer_id);

CREATE TABLE installment (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES payment_plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
);
CREATE INDEX installment_plan ON installment (plan_id);

CREATE TABLE followup (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    invoice_id INTEGER REFERENCES invoice (id),
    due_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX followup_due ON followup (done, due_date);

CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    invoice_id INTEGER REFERENCES invoice (id),
    at TEXT NOT NULL,
    channel TEXT,
    outcome TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interaction_customer ON interaction (customer_id, at);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

#: Currencies whose minor unit is the whole unit (CLDR through Babel 2.19, when step 2
#: was written). Fixed here: what a shipped step does never changes.
_ZERO_DECIMAL = (
    "'ADP','AFN','ALL','BIF','BYR','CLP','COP','DJF','ESP','GNF','HUF','IDR','IQD','IRR',"
    "'ISK','ITL','JPY','KMF','KPW','KRW','LAK','LBP','LUF','MGA','MGF','MMK','MRO','PYG',"
    "'RWF','SLL','SOS','STD','SYP','TMM','TRL','UGX','UYI','VND','VUV','XAF','XOF','XPF',"
    "'YER','ZMK','ZWD'"
)

#: Version 2: money in each currency's own minor units. Version 1 kept cents for every
#: currency, so a JPY payment of 1000 yen was 100000. Amounts of zero-decimal
#: currencies become whole units, rounded half-up (a positive amount stays at least 1);
#: a promise or installment takes its invoice's currency, or else its customer's. Unit
#: prices keep four decimals in any currency, as ten-thousandths like quantities.
STEP_2 = f"""
ALTER TABLE invoice_line RENAME COLUMN unit_price_cents TO unit_price_units;
UPDATE invoice_line SET unit_price_units = unit_price_units * 100;

UPDATE invoice SET deposit_cents = (deposit_cents + 50) / 100,
                   total_cents = (total_cents + 50) / 100
WHERE currency IN ({_ZERO_DECIMAL});

UPDATE payment SET amount_cents = MAX((amount_cents + 50) / 100, 1)
WHERE invoice_id IN (SELECT id FROM invoice WHERE currency IN ({_ZERO_DECIMAL}));

UPDATE promise SET amount_cents = MAX((amount_cents + 50) / 100, 1)
WHERE (SELECT COALESCE(i.currency, c.currency)
       FROM customer c LEFT JOIN invoice i ON i.id = promise.invoice_id
       WHERE c.id = promise.customer_id) IN ({_ZERO_DECIMAL});

UPDATE installment SET amount_cents = MAX((amount_cents + 50) / 100, 1)
WHERE (SELECT COALESCE(i.currency, c.currency)
       FROM payment_plan p JOIN customer c ON c.id = p.customer_id
       LEFT JOIN invoice i ON i.id = p.invoice_id
       WHERE p.id = installment.plan_id) IN ({_ZERO_DECIMAL});
"""

#: Version 3: indexes for a book of many years. Adding an index changes no row, so an
#: older book upgrades in one pass (after the copy aside every step gets).
#: - payment (invoice_id, date, amount_cents): what was paid on an invoice by a day
#:   (store.as_of.paid_by) is read from the index alone, for every balance and status;
#: - payment (date, ...): the payments of a month (the trends) without reading every one;
#: - invoice (issue_date, state, ...): the sales of a period (DSO, the trends), and the
#:   Invoices list opening newest first reads one window of rows from it. It leads with
#:   the date, not the state: SQLite, without statistics, takes ``state = 'sent'`` for a
#:   narrow match and would scan every sent invoice once per customer rather than read
#:   each customer's invoices by ``invoice_customer``;
#: - invoice (currency, state, total_cents): the list's totals per currency, from the
#:   index alone, without sorting the invoices by currency;
#: - invoice (lower(number)): the list sorted by number, as folded for searching;
#: - invoice (id) for numbers with a letter outside ASCII only (a partial index, empty
#:   in most books): whether any number needs folding in Python, found at once.
STEP_3 = """
CREATE INDEX IF NOT EXISTS payment_invoice_date ON payment (invoice_id, date, amount_cents);
CREATE INDEX IF NOT EXISTS payment_date ON payment (date, invoice_id, amount_cents);
CREATE INDEX IF NOT EXISTS invoice_issued_sales
    ON invoice (issue_date, state, currency, total_cents, deposit_cents);
CREATE INDEX IF NOT EXISTS invoice_currency_totals ON invoice (currency, state, total_cents);
CREATE INDEX IF NOT EXISTS invoice_number_folded ON invoice (lower(number));
CREATE INDEX IF NOT EXISTS invoice_number_unusual ON invoice (id) WHERE number GLOB '*[^ -~]*';
"""

#: Version 4: the mail outbox (diva_desk.mail.outbox): a message is stored whole, its PDF with it,
#: the moment the owner sends it, so closing the app or going offline loses nothing.
#: ``sending`` is the mark taken before talking to the server and ``sent`` the
#: confirmation after it; a row left in ``sending`` by a process that died may have
#: gone, so it becomes ``failed`` with ``maybe_sent`` set and is never resent blindly.
STEP_OUTBOX = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'statement', 'reminder')),
    about TEXT NOT NULL,
    customer_id INTEGER REFERENCES customer (id),
    invoice_id INTEGER REFERENCES invoice (id),
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attachment_name TEXT NOT NULL DEFAULT '',
    attachment BLOB,
    message_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    maybe_sent INTEGER NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_try_at TEXT,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT
);
CREATE INDEX outbox_waiting ON outbox (status, next_try_at);
"""

#: Version 5: several taxes on a line (interchange v2), the business's registration number
#: for each tax, and groups of rates picked as one ("GST + QST").
#: - invoice_line_tax: a line's taxes in print order; the rate is exact decimal text
#:   (``"9.975"``), as the interchange file writes it. A version-4 line's one tax moves
#:   here (its ten-thousandths written as text without trailing zeros: 99750 is
#:   ``"9.975"``, 130000 is ``"13"``) and the two old columns go, so nothing can read
#:   a line's first tax as if it were all of them;
#: - tax_registration: one number per tax name (``business.tax_registrations``);
#: - tax_group, tax_group_rate: a named pick of rates, kept by name and rate like the lines.
STEP_LINE_TAXES = """
CREATE TABLE invoice_line_tax (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES invoice_line (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    rate TEXT NOT NULL,
    UNIQUE (line_id, position)
);

INSERT INTO invoice_line_tax (line_id, position, name, rate)
SELECT id, 0, tax_name,
       rtrim(rtrim(printf('%d.%04d', tax_rate_units / 10000, tax_rate_units % 10000), '0'), '.')
FROM invoice_line WHERE tax_name <> '' OR tax_rate_units <> 0 ORDER BY id;

ALTER TABLE invoice_line DROP COLUMN tax_name;
ALTER TABLE invoice_line DROP COLUMN tax_rate_units;

CREATE TABLE tax_registration (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    tax TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL
);

CREATE TABLE tax_group (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE tax_group_rate (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES tax_group (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    rate_units INTEGER NOT NULL CHECK (rate_units >= 0)
);
CREATE INDEX tax_group_rate_group ON tax_group_rate (group_id, position);
"""

#: STEPS[n - 1] takes a book from version n - 1 to version n.
STEPS: list[str] = [
    STEP_1,
    STEP_2,
    STEP_3,
    STEP_OUTBOX,
    STEP_LINE_TAXES,
    STEP_NAMELESS_TAXES,
    STEP_BANK,
    STEP_RECURRING,
    STEP_LATE_FEES,
    STEP_PAY_LINKS,
    STEP_QUOTES,
]
