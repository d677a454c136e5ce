"""Late interest on the documents: the stated terms and the interest charged apart."""
