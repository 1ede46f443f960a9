"""The Opvolging page."""
