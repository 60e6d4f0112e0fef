"""The eventwire command line (click). Its help text is the first documentation."""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import EventwireError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """Turn news reports into ACLED-style event data, offline."""


def fail(message: str, code: int = 2) -> None:
    """Print one clear line to stderr and exit: no tracebacks for users."""
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(code)


def run_main() -> None:  # pragma: no cover - thin wrapper
    try:
        main(standalone_mode=True)
    except EventwireError as exc:
        fail(str(exc))
from .classify.commands import train_command; main.add_command(train_command)  # noqa: E402
