"""The Rapporten page and its charts."""
