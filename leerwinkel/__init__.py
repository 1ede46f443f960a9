"""Leerwinkel Intake: the Qt-free core of the desktop application."""

__version__ = "0.1.0"
