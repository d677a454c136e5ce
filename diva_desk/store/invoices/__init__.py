"""invoices"""
