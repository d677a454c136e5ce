"""The frozen program's entry point: the same as ``python -m diva_desk`` (spec/cli.md)."""

import sys

from diva_desk.cli import main

sys.exit(main())
