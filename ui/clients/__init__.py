"""The Cliënten page and the client detail."""
