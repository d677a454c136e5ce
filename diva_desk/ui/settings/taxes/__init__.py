"""settings: taxes (tax rates page, tax groups box, tax numbers box)"""
