"""Commands of the terms that get paid: quotes, recurring invoices and late interest."""
