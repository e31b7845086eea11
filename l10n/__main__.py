import os
import sys

from l10n.cli import main

try:
    raise SystemExit(main())
except BrokenPipeError:  # `python -m l10n status | head`: the reader left, nothing to report
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(1) from None
