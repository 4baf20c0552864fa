"""Data quality: GX suites (``expectations/*.json``) and SQL checks guarding every warehouse table.

Importing this package (or any of its modules) does not import great_expectations.
"""
