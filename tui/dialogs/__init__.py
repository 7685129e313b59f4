"""The dialogs, one a file. Each is a :class:`Dialog` that returns its answer on dismiss."""

from .base import Dialog
from .code import CodeDialog
from .confirm import Confirm, confirm
from .credentials import CredentialsAnswer, CredentialsForm, UsernameInput
from .export_path import ExportPath
from .help import Help
from .preset import PresetChoice
from .sign_out import SignOutAnswer, SignOutDialog
from .window import WindowWaiting

__all__ = [
    "CodeDialog",
    "Confirm",
    "CredentialsAnswer",
    "CredentialsForm",
    "Dialog",
    "ExportPath",
    "Help",
    "PresetChoice",
    "SignOutAnswer",
    "SignOutDialog",
    "UsernameInput",
    "WindowWaiting",
    "confirm",
]
