"""A keyring kept in a JSON file a test names, for the privacy-tui processes tests start.

Those processes cannot see the test's in-memory keyring; they load this one through
``PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring`` and find the file in
``PRIVACY_TUI_TEST_KEYRING``. Never the developer's real keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "PRIVACY_TUI_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def file(self) -> Path:
        return Path(os.environ[ENV])

    def _entries(self) -> dict[str, str]:
        return json.loads(self.file.read_text()) if self.file.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}/{username}"] = password
        self.file.write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self.file.write_text(json.dumps(entries))
