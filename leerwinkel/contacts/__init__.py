"""The contact log per client, the counsellor who follows a client up, and "Mijn cliënten"."""
