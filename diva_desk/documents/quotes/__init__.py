"""The quote as a PDF, drawn with the invoice's parts."""
