"""The user settings: the settings service and ``leerwinkel settings``."""
