"""`python -m explorer` runs the same entry point as the `explorer` command."""

from explorer.cli.main import main

raise SystemExit(main())
