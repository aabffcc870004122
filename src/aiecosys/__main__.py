"""Run the command line with ``python -m aiecosys``."""

import sys

from aiecosys._cli import main


sys.exit(main())
