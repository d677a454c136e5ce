import sys

from diva_desk.cli import main

sys.exit(main())
