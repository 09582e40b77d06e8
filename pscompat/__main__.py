import sys

from pscompat.shell.cli import main

sys.exit(main())
