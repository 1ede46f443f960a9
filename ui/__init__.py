"""The PySide6 desktop front-end. It calls core services and never builds SQL or PDFs itself."""
