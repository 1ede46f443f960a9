"""The Nieuwe intake page: the intake form and its sections."""
