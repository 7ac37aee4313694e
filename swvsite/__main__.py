import sys

from swvsite.cli import main

sys.exit(main())
