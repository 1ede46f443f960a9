"""Toch verwijzen: refer to an offering that does not fit, with a short reason the history keeps."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import buddy_label, error_label, plain_label

#: The reason is short: one line, as the status history shows it.
MAX_REASON = 500


class OverrideDialog(QDialog):
    """Says why the offering does not fit and asks the counsellor's short reason to refer anyway."""

    def __init__(self, title: str, provider: str, reasons: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Toch verwijzen"))
        self.setMinimumWidth(460)
        offering = plain_label(f"{title} — {provider}" if provider else title, wrap=True)
        font = offering.font()
        font.setBold(True)
        offering.setFont(font)
        why = plain_label(self.tr("Past niet: %1").replace("%1", "; ".join(reasons)), wrap=True)
        why.setAccessibleName(self.tr("Waarom het aanbod niet past"))
        explain = plain_label(
            self.tr(
                "Je kunt toch verwijzen. Geef een korte reden: die wordt bewaard in de geschiedenis van de "
                "verwijzing en geteld in de rapporten. De aanbieder ziet ze niet."
            ),
            wrap=True,
        )
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("bv. vrijlating binnen twee weken; start daarna"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Reden"), self.reason, self.tr("Reden om toch te verwijzen")), self.reason)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("&Toch verwijzen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.returnPressed.connect(self._on_accept)
        layout = QVBoxLayout(self)
        for widget in (offering, why, explain):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return " ".join(self.reason.text().split())

    def _on_accept(self) -> None:
        if not self.reason_text():
            self.error.setText(self.tr("Geef een korte reden om toch te verwijzen."))
            self.error.setVisible(True)
            self.reason.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, *, title: str, provider: str, reasons: tuple[str, ...]) -> str | None:
        """The reason to refer anyway, or None when the counsellor cancels."""
        dialog = cls(title, provider, reasons, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason_text()
