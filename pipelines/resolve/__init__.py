"""Resolve stage: merge membership claims from many articles into core.membership_events."""
