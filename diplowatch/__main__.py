import sys

from diplowatch.cli import main

sys.exit(main())
