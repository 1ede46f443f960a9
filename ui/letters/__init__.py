"""Letter buttons, options, preview, printing and batch actions."""
