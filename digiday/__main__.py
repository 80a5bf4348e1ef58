"""`python -m digiday`."""

from digiday.cli import main

main()
