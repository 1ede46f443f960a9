"""The Vandaag page."""
