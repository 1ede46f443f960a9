"""The user guide inside the app."""
