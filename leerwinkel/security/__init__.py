"""Security and privacy: accounts, the database key, the audit trail, GDPR requests."""
