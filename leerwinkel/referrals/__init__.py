"""Referrals to providers and their follow-up."""
