"""Reports out of the book to files a person keeps or hands on: the aging as PDF and CSV.

A feature floor package: it reads the book through store and draws through documents,
so neither of those needs the other. (The customer list's CSV lives in contacts, beside
the import that reads it back.)
"""
