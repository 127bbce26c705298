"""``python -m conflictnews``: the same as the ``conflictnews`` command."""

import sys

from conflictnews.cli import main

sys.exit(main())
