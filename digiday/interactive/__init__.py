"""The long-running modes of a terminal or a status bar: --watch, --follow and the quiz."""
