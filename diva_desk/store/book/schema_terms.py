"""Schema steps 6 onwards: bank statements and the terms that get paid (quotes, recurring
invoices, late interest, pay links). ``schema.STEPS`` lists them after steps 1 to 5; each
is independent of the others.
"""

#: Version 6: a version-4 line with a tax rate but no tax name charged nothing (totals count
#: a tax by its name), yet step 5 moved it into invoice_line_tax with the name ''. Such a
#: row still charges nothing, but an export wrote it as ``{"name": "", ...}``, which no
#: import accepts. It goes, as version 1's reader leaves a rate without a name out.
STEP_NAMELESS_TAXES = """
DELETE FROM invoice_line_tax WHERE name = '';
"""

#: Bank statements (issue 15, diva_desk.bank): every transaction ``import-bank`` has seen,
#: so nothing is recorded twice, and the payments it became.
#: - bank_transaction: one row per (account, transaction); ``status`` is ``recorded`` (it
#:   became payments), ``ignored`` (a debit, or a credit the owner unticked) or ``review``
#:   (waiting for the owner; it is offered again by the next import). Amounts in the
#:   transaction's currency's minor units, negative for a debit;
#: - payment.bank_transaction: the transaction a payment came from (a cheque paying three
#:   invoices is three payments naming one transaction);
#: - bank_sender: the e-transfer sender names learned for a customer, normalised
#:   (diva_desk.bank.names), so the next transfer from the same sender finds them.
STEP_BANK = """
CREATE TABLE bank_transaction (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('recorded', 'ignored', 'review')),
    imported_at TEXT NOT NULL,
    UNIQUE (account, transaction_id)
);

ALTER TABLE payment ADD COLUMN bank_transaction_id INTEGER
    REFERENCES bank_transaction (id) ON DELETE SET NULL;
CREATE INDEX payment_bank_transaction ON payment (bank_transaction_id)
    WHERE bank_transaction_id IS NOT NULL;

CREATE TABLE bank_sender (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (name, customer_id)
);
"""

#: Recurring invoices (issue 16): a schedule per customer that makes an invoice every
#: period, with its lines and their taxes kept as an invoice's are.
#: - recurring_invoice: ``every`` week, month, quarter or year, ``interval`` of them;
#:   ``next_date`` is the next period to make, moved on in the same transaction as its
#:   invoice is written; ``anchor_day`` is the day of the month the periods keep (31: month
#:   ends), so a Jan 31 start makes Feb 28 and then Mar 31, not Mar 28; ``send`` makes the
#:   invoices as sent, else as drafts; ``terms_days`` NULL follows the customer's terms;
#: - recurring_line, recurring_line_tax: as invoice_line and invoice_line_tax.
STEP_RECURRING = """
CREATE TABLE recurring_invoice (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    every TEXT NOT NULL CHECK (every IN ('week', 'month', 'quarter', 'year')),
    interval INTEGER NOT NULL DEFAULT 1 CHECK (interval >= 1),
    anchor_day INTEGER NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
    next_date TEXT NOT NULL,
    end_date TEXT,
    send INTEGER NOT NULL DEFAULT 0,
    terms_days INTEGER CHECK (terms_days >= 0),
    currency TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recurring_invoice_next ON recurring_invoice (next_date);
CREATE INDEX recurring_invoice_customer ON recurring_invoice (customer_id);

CREATE TABLE recurring_line (
    id INTEGER PRIMARY KEY,
    recurring_id INTEGER NOT NULL REFERENCES recurring_invoice (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity_units INTEGER NOT NULL,
    unit_price_units INTEGER NOT NULL
);
CREATE INDEX recurring_line_schedule ON recurring_line (recurring_id, position);

CREATE TABLE recurring_line_tax (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES recurring_line (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    rate TEXT NOT NULL,
    UNIQUE (line_id, position)
);
"""

#: Late interest as agreed (issue 16, docs/late-fees.md):
#: - business: the rate per month as integer ten-thousandths of a percent (2 % is
#:   20000, at most 5 %) and the grace days;
#: - customer: their own rate, NULL for the business's, 0 for "agreed none";
#: - invoice.late_fee_through: the invoice is a late-interest charge covering interest up
#:   to that day (void ones too: a waived charge still counts as charged); the partial
#:   index finds a customer's last charge per currency without reading other invoices.
STEP_LATE_FEES = """
ALTER TABLE business ADD COLUMN late_fee_percent_units INTEGER NOT NULL DEFAULT 0
    CHECK (late_fee_percent_units BETWEEN 0 AND 50000);
ALTER TABLE business ADD COLUMN late_fee_grace_days INTEGER NOT NULL DEFAULT 0
    CHECK (late_fee_grace_days >= 0);
ALTER TABLE customer ADD COLUMN late_fee_percent_units INTEGER
    CHECK (late_fee_percent_units BETWEEN 0 AND 50000);
ALTER TABLE invoice ADD COLUMN late_fee_through TEXT;
CREATE INDEX invoice_late_fee ON invoice (customer_id, currency, late_fee_through)
    WHERE late_fee_through IS NOT NULL;
"""

#: Pay links (issue 16): the business's link template and an invoice's own, which wins
#: (core.invoices.pay_links). The pay link the mail settings kept (``mail.pay_link``, with
#: ``$invoice``, ``$amount`` and ``$currency``) becomes the business's template, written
#: with the new placeholders; one that named ``$customer`` (which a template no longer
#: has) stays where it was, unused, for the owner to copy (docs/pay-links.md).
STEP_PAY_LINKS = """
ALTER TABLE business ADD COLUMN payment_link TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN payment_link TEXT NOT NULL DEFAULT '';
UPDATE business SET payment_link = (
    SELECT replace(replace(replace(replace(replace(replace(value,
        '${invoice}', '{number}'), '$invoice', '{number}'),
        '${amount}', '{amount}'), '$amount', '{amount}'),
        '${currency}', '{currency}'), '$currency', '{currency}')
    FROM setting WHERE key = 'mail.pay_link'
)
WHERE payment_link = '' AND EXISTS (
    SELECT 1 FROM setting WHERE key = 'mail.pay_link' AND value <> ''
        AND value NOT LIKE '%$customer%' AND value NOT LIKE '%${customer}%'
);
DELETE FROM setting WHERE key = 'mail.pay_link'
    AND EXISTS (SELECT 1 FROM business WHERE payment_link <> '');
"""

#: Quotes (issue 16): written like invoices, with their own numbers (the business's
#: ``quote_prefix`` and ``next_quote_number``, beside the invoice numbering), a
#: valid-until date and the deposit percent asked on acceptance. Expired is derived
#: from ``valid_until`` (the day after it), never stored; ``invoice_id`` is the
#: invoice an accepted quote became. Lines and their taxes are kept as invoices keep
#: theirs (invoice_line, invoice_line_tax), and ``total_cents`` is written with them.
STEP_QUOTES = """
ALTER TABLE business ADD COLUMN quote_prefix TEXT NOT NULL DEFAULT 'Q-';
ALTER TABLE business ADD COLUMN next_quote_number INTEGER NOT NULL DEFAULT 1
    CHECK (next_quote_number >= 1);

CREATE TABLE quote (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    issue_date TEXT NOT NULL,
    valid_until TEXT,
    state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'accepted', 'declined')),
    currency TEXT NOT NULL,
    deposit_percent_units INTEGER NOT NULL DEFAULT 0
        CHECK (deposit_percent_units BETWEEN 0 AND 1000000),
    notes TEXT NOT NULL DEFAULT '',
    total_cents INTEGER NOT NULL,
    invoice_id INTEGER REFERENCES invoice (id) ON DELETE SET NULL
);
CREATE INDEX quote_customer ON quote (customer_id);
CREATE INDEX quote_state_valid ON quote (state, valid_until);

CREATE TABLE quote_line (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity_units INTEGER NOT NULL CHECK (quantity_units > 0),
    unit_price_units INTEGER NOT NULL CHECK (unit_price_units >= 0)
);
CREATE INDEX quote_line_quote ON quote_line (quote_id);

CREATE TABLE quote_line_tax (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES quote_line (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    rate TEXT NOT NULL,
    UNIQUE (line_id, position)
);
"""
