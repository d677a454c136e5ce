"""The password goes to the keyring (a test backend here; a real Secret Service in
test_secret_service.py) or, where none exists, stays in this session only."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import pytest

from diva_desk.mail import credentials
from diva_desk.mail.settings import MailSettings


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    credentials._session.clear()
    keyring.set_keyring(before)


SETTINGS = MailSettings(host="smtp.example.ca", user="owner@maple.example")


def test_the_password_goes_to_the_keyring_under_the_login(memory_keyring: MemoryKeyring) -> None:
    assert credentials.keyring_available()
    assert credentials.store_password(SETTINGS, "s3cret") is True
    assert memory_keyring.entries == {
        ("Diva Desk mail", "owner@maple.example@smtp.example.ca"): "s3cret"
    }
    assert credentials.password_for(SETTINGS) == "s3cret"
    assert credentials._session == {}
    credentials.forget_password(SETTINGS)
    assert credentials.password_for(SETTINGS) is None


def test_without_a_keyring_the_password_lasts_this_session_only(session_passwords: None) -> None:
    assert not credentials.keyring_available()
    assert credentials.no_keyring_sentence() == (
        "This computer has no password keyring, so the mail password is kept only until "
        "Diva Desk closes."
    )
    assert credentials.store_password(SETTINGS, "s3cret") is False
    assert credentials.password_for(SETTINGS) == "s3cret"
    other = MailSettings(host="smtp.example.ca", user="someone@maple.example")
    assert credentials.password_for(other) is None
