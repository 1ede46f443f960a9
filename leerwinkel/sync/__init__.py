"""The exchange file between installations (office and prison-session laptop): no network, no Qt."""
