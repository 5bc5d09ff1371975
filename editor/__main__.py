"""`python -m editor` is the same as the `galley` command."""

import sys

from editor.cli import main

sys.exit(main())
