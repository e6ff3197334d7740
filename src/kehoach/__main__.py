"""`python -m kehoach`: the `kehoach` command."""

import sys

from .entry import main

sys.exit(main())
