"""``python -m normalize.repair restore FILE`` / ``python -m normalize.repair lm build``."""

from normalize.repair.cli import main

raise SystemExit(main())
