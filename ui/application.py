"""Start the GUI: QApplication, the translations, the facade, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from leerwinkel.argv import window_options
from leerwinkel.config import load_config
from leerwinkel.errors import LeerwinkelError
from leerwinkel.i18n import LANGUAGE_ENV, SOURCE_LANGUAGE, activate, choose_language, language_for
from leerwinkel.logs import configure_logging
from leerwinkel.paths import resource
from ui.common.errors import ErrorPresenter
from ui.common.qtdutch import QtDutchSupplement
from ui.common.wheel import install_wheel_guard

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Qt's own buttons and our texts in ``language`` (else $LEERWINKEL_LANGUAGE, else Dutch, the source).

    Another language than Dutch loads the compiled catalogue resources/translations/leerwinkel_<language>.qm
    (``make translations`` or the build writes it) and Qt's own qtbase_<language>. The caller activates the
    core's sentences in the same language (leerwinkel.i18n.activate); :func:`window_language` decides it.
    """
    if language is None:
        language = choose_language(override=os.environ.get(LANGUAGE_ENV), stored=None, system=())
    QLocale.setDefault(QLocale(f"{language}_BE"))  # Belgian formats in every language: nl_BE, en_BE, fr_BE
    translators: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if language == SOURCE_LANGUAGE:
            qt_translator = QtDutchSupplement(qt_translator, app)  # adds what qtbase_nl lacks (ui/common/qtdutch.py)
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    own = QTranslator(app)
    if language != SOURCE_LANGUAGE:
        if own.load(f"leerwinkel_{language}", str(resource("translations"))):
            app.installTranslator(own)
            translators.append(own)
        else:
            log.warning("no compiled window catalogue for language %s (run 'make translations')", language)
    return translators


def window_language(data_dir: Path) -> str:
    """$LEERWINKEL_LANGUAGE, else the language chosen in Instellingen, else the system's (Dutch, English or
    French), else Dutch: see leerwinkel.i18n.choose_language.
    """
    return language_for(data_dir, system=QLocale.system().uiLanguages())


def run(argv: Sequence[str]) -> int:
    options = window_options(argv)
    data_dir = Path(options.data_dir) if options is not None and options.data_dir else None
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Leerwinkel Intake")
    app.setOrganizationName("Leerwinkel")
    app.setWindowIcon(QIcon(str(resource("images", "leerwinkel-logo.png"))))
    config = load_config(data_dir)
    language = window_language(config.data_dir)
    activate(language)  # the core's sentences (messages, reports) in the window's language
    install_translators(app, language)
    install_wheel_guard(app)  # the wheel scrolls pages, never an unfocused combo box (every page)
    tail = configure_logging(config.log_dir)
    presenter = ErrorPresenter(tail, app)
    presenter.install_excepthook()
    from ui.session.lifecycle import finish_session, quit_on_termination, start_session, watch_session

    try:
        facade = start_session(config)
    except LeerwinkelError as error:
        log.warning("could not open the database: %s", type(error).__name__)
        presenter.show(None, error)
        return 1
    if facade is None:
        return 0
    # After sign-in (preloaded meanwhile): the pages, ReportLab, pypdfium2, and the ops that run slow work
    # on workers (nothing runs one before: the login dialog opens the database on the UI thread).
    from ui.common.operations import set_error_presenter
    from ui.mainwindow import MainWindow

    set_error_presenter(presenter)

    window = MainWindow(facade)
    watch_session(window, facade)
    restore_termination = quit_on_termination(window, app.quit)
    window.show()
    try:
        return app.exec()
    finally:
        restore_termination()
        finish_session(facade)  # waits for the ops still running, then the backup at exit
        from ui.settings.language import restart_if_requested

        restart_if_requested(app)  # Instellingen > Taal: the window again, in its new language
