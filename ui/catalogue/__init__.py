"""The Catalogus page, its table model and edit dialogs."""
