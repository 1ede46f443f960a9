"""The Instellingen page and the audit log view."""
