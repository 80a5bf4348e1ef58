"""The command line: argv in, one answer out, under one error policy."""
