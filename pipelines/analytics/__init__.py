"""Analytics stage: views and table macros of accord membership over time (schema ``analytics``)."""
