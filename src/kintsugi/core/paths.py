"""Where Kintsugi keeps things. The one module that knows about platform folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Kintsugi"
VAULT_FILENAME = "journal.kintsugi"
VAULT_ENV = "KINTSUGI_VAULT"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_vault_path() -> Path:
    """``--vault`` beats ``$KINTSUGI_VAULT`` beats the platform's data folder."""
    env = os.environ.get(VAULT_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / VAULT_FILENAME


def resolve_vault_path(cli_value: str | os.PathLike[str] | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    return default_vault_path()
