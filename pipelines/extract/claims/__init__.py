"""Membership-claim extraction (see ``extractor.extract_claims``)."""

from pipelines.extract.claims.extractor import extract_claims

__all__ = ["extract_claims"]
