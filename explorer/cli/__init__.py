"""The command line: `explorer` opens the window; `check`, `export` and the other subcommands
work without one. Exit statuses and reports are shared (`report`)."""
