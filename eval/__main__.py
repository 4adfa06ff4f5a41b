"""`python -m eval` (`make eval`): every quality reading against its floor."""

import sys

from eval.evaluation import main

sys.exit(main())
