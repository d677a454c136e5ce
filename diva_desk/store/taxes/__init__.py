"""Sales taxes in the book: each line's taxes, the business's registration numbers, the
groups of rates picked as one, and the tax collected in a period (for filing)."""
